package cn.yingji.notify;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One stored attempt with its outcome.
 *
 * @param id the attempt
 * @param channel channel used
 * @param address number or address used (null when the person had none)
 * @param state QUEUED, SENT, DELIVERED, FAILED or REPLIED
 * @param error failure reason
 * @param reply reply text
 * @param createdAt when stored
 * @param deliveredAt when delivered
 */
public record Attempt(
        NotificationId id,
        Channel channel,
        @Nullable String address,
        String state,
        @Nullable String error,
        @Nullable String reply,
        Instant createdAt,
        @Nullable Instant deliveredAt) {}
