package cn.yingji.notify;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The recipient replied through the channel: an SMS reply text or a voice keypad digit (e.g. {@code 1} = received,
 * {@code 2} = on post, {@code 3} = cannot). Published inside the transaction that stores the reply.
 *
 * @param id the attempt replied to
 * @param source the sending module
 * @param correlation the sender's key
 * @param channel the channel
 * @param text the reply as given
 * @param location a location given with the reply (free text or "lon,lat"), if any
 * @param at when
 */
public record NotificationReply(
        NotificationId id,
        String source,
        String correlation,
        Channel channel,
        String text,
        @Nullable String location,
        Instant at) {}
