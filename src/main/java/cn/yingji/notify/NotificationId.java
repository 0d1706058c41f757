package cn.yingji.notify;

import java.util.UUID;

/**
 * Identifies one message handed to one channel (one attempt).
 *
 * @param value the id
 */
public record NotificationId(UUID value) {
    @Override
    public String toString() {
        return value.toString();
    }
}
