/**
 * Notification channels (通知): in-app with live push (SSE), e-mail over SMTP, SMS and voice calls through a
 * gateway SPI ({@link cn.yingji.notify.SmsVoiceGateway}) with a built-in simulator. Keeps each person's ordered
 * channel preferences, stores every attempt, receipt, reply and failure, and lists failed recipients for follow-up
 * by phone. Publishes {@link cn.yingji.notify.NotificationReceipt} and {@link cn.yingji.notify.NotificationReply}.
 */
@ApplicationModule(
        displayName = "Notify",
        allowedDependencies = {"shared", "identity", "directory", "portal"})
@NullMarked
package cn.yingji.notify;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
