package cn.yingji.callout.internal;

import cn.yingji.shared.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signed answer links: {@code /ack/<token>} where the token carries the call id and an expiry, signed with
 * HMAC-SHA256 under {@code yingji.callout.link-secret} (the same on every node). Whether an action was already
 * taken through a link is recorded by the engine (single use per action).
 */
@Component
class AnswerLinks {

    private static final Logger LOG = LoggerFactory.getLogger(AnswerLinks.class);
    static final String DEV_SECRET = "yingji-dev-only-callout-link-secret";

    private final byte[] secret;
    private final Duration validity;
    private final String base;

    AnswerLinks(
            @Value("${yingji.callout.link-secret:" + DEV_SECRET + "}") String secret,
            @Value("${yingji.callout.link-validity:PT24H}") Duration validity,
            @Value("${yingji.callout.link-base:}") String base) {
        if (secret.equals(DEV_SECRET)) {
            LOG.warn("yingji.callout.link-secret is the development default; set a secret in production");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.validity = validity;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** The link answering a call, valid from {@code now} for the configured time. */
    String link(UUID call, Instant now) {
        return base + "/ack/" + token(call, now.plus(validity));
    }

    String token(UUID call, Instant expires) {
        ByteBuffer b = ByteBuffer.allocate(24);
        b.putLong(call.getMostSignificantBits())
                .putLong(call.getLeastSignificantBits())
                .putLong(expires.getEpochSecond());
        byte[] payload = b.array();
        Base64.Encoder enc = Base64.getUrlEncoder().withoutPadding();
        return enc.encodeToString(payload) + "." + enc.encodeToString(mac(payload));
    }

    /**
     * The call a token answers.
     *
     * @throws InvalidInputException {@code callout.link.invalid} when malformed or forged, {@code
     *     callout.link.expired} when expired
     */
    UUID verify(String token, Instant now) {
        int dot = token.indexOf('.');
        byte[] payload;
        byte[] sig;
        try {
            payload = Base64.getUrlDecoder().decode(token.substring(0, Math.max(dot, 0)));
            sig = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            throw new InvalidInputException("callout.link.invalid");
        }
        if (dot < 0 || payload.length != 24 || !MessageDigest.isEqual(mac(payload), sig)) {
            throw new InvalidInputException("callout.link.invalid");
        }
        ByteBuffer b = ByteBuffer.wrap(payload);
        UUID call = new UUID(b.getLong(), b.getLong());
        Instant expires = Instant.ofEpochSecond(b.getLong());
        if (!now.isBefore(expires)) {
            throw new InvalidInputException("callout.link.expired");
        }
        return call;
    }

    /** One initialised MAC per thread (a campaign signs one link per call). */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] mac(byte[] payload) {
        return macs.get().doFinal(payload);
    }
}
