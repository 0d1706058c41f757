package cn.yingji.exchange;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How webhook payloads are signed, for the platform and for receivers. Each delivery carries
 *
 * <ul>
 *   <li>{@code X-Yingji-Timestamp}: seconds since the epoch when it was signed;
 *   <li>{@code X-Yingji-Signature}: {@code sha256=} and the lower-case hex HMAC-SHA256, keyed with the
 *       subscription's secret, of {@code <timestamp>.<raw body bytes>}.
 * </ul>
 *
 * A receiver recomputes the HMAC over the raw body as received, compares in constant time, and rejects timestamps
 * more than a few minutes away from its clock (replays). The delivery id ({@code X-Yingji-Delivery}, also the
 * payload's {@code id}) stays the same across retries, so receivers can drop duplicates.
 */
public final class WebhookSignature {

    /** Header with the signing time. */
    public static final String TIMESTAMP_HEADER = "X-Yingji-Timestamp";
    /** Header with the signature. */
    public static final String SIGNATURE_HEADER = "X-Yingji-Signature";
    /** Header with the delivery id. */
    public static final String DELIVERY_HEADER = "X-Yingji-Delivery";
    /** Header with the event type code. */
    public static final String EVENT_HEADER = "X-Yingji-Event";

    private WebhookSignature() {}

    /** The signature header value for a body signed at {@code epochSeconds}. */
    public static String sign(String secret, long epochSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((epochSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * True when {@code signature} is the signature of {@code body} at {@code timestamp} and the timestamp lies
     * within {@code tolerance} of {@code now}.
     */
    public static boolean verify(
            String secret, String timestamp, byte[] body, String signature, Instant now, Duration tolerance) {
        long ts;
        try {
            ts = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - ts) > tolerance.toSeconds()) {
            return false;
        }
        return MessageDigest.isEqual(
                sign(secret, ts, body).getBytes(StandardCharsets.US_ASCII),
                signature.trim().getBytes(StandardCharsets.US_ASCII));
    }
}
