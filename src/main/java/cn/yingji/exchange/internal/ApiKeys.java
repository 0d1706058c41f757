package cn.yingji.exchange.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Open-API keys: {@code yjk_<prefix>_<secret>}, 8 + 40 random hex characters. The prefix finds the client; only the
 * SHA-256 of the whole key is stored (a fast hash is enough for a 160-bit random secret).
 */
final class ApiKeys {

    static final String PREFIX = "yjk_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {}

    record Key(String key, String prefix, String hash) {}

    static Key generate() {
        String prefix = random(4);
        String key = PREFIX + prefix + "_" + random(20);
        return new Key(key, prefix, hash(key));
    }

    /** The prefix of a well-formed key. */
    static Optional<String> prefixOf(String key) {
        if (!key.startsWith(PREFIX) || key.length() != PREFIX.length() + 8 + 1 + 40 || key.charAt(12) != '_') {
            return Optional.empty();
        }
        return Optional.of(key.substring(PREFIX.length(), PREFIX.length() + 8));
    }

    static String hash(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean matches(String key, String storedHash) {
        return MessageDigest.isEqual(
                hash(key).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
