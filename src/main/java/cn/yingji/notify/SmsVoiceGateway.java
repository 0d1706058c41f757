package cn.yingji.notify;

/**
 * SPI of an SMS and voice-call gateway (an operator's 短信/语音 platform). The built-in simulator implements it; a
 * real gateway is a bean of this type. The gateway reports receipts and replies back through {@link
 * GatewayCallbacks}, from any thread, at any later time.
 */
public interface SmsVoiceGateway {

    /**
     * Accepts one message for delivery. Must not block for long; failures to accept are thrown.
     *
     * @param message the message
     */
    void submit(GatewayMessage message);

    /**
     * A message handed to the gateway.
     *
     * @param id the attempt (echoed in receipts and replies)
     * @param channel {@link Channel#SMS} or {@link Channel#VOICE}
     * @param address the number
     * @param text the text to send or read out
     */
    record GatewayMessage(NotificationId id, Channel channel, String address, String text) {}
}
