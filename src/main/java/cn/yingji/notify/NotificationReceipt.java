package cn.yingji.notify;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A channel reported the outcome of an attempt: delivered, or failed with a reason. Published inside the
 * transaction that stores the receipt.
 *
 * @param id the attempt
 * @param source the sending module
 * @param correlation the sender's key
 * @param channel the channel
 * @param delivered true when delivered, false when failed
 * @param error failure reason when not delivered
 * @param at when
 */
public record NotificationReceipt(
        NotificationId id,
        String source,
        String correlation,
        Channel channel,
        boolean delivered,
        @Nullable String error,
        Instant at) {}
