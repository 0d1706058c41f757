package cn.yingji.notify;

import org.jspecify.annotations.Nullable;

/** Where an {@link SmsVoiceGateway} reports delivery receipts and replies. Unknown ids are ignored. */
public interface GatewayCallbacks {

    /** A delivery receipt: delivered, or failed with a reason. */
    void receipt(NotificationId id, boolean delivered, @Nullable String error);

    /** A reply: SMS text or voice keypad digits, with an optional location. */
    void reply(NotificationId id, String text, @Nullable String location);
}
