package cn.yingji.shared;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Identifiers for rows written at high rates (events, obligations, hazards, photos, deliveries).
 *
 * <p>{@link UUID#randomUUID()} has two costs on a hot write path: every call takes the JVM-wide lock of the native
 * PRNG, which under load becomes a convoy of request threads; and random keys land on random pages of a large
 * primary-key index, so each insert dirties (and after a checkpoint, logs in full) a page nobody else touches.
 * A version-7 UUID (RFC 9562) starts with the millisecond, so new keys append to the right edge of the index, and
 * its 74 random bits come from the calling thread's own generator. It is not a secret: never use it for tokens or
 * links that grant access.
 */
public final class Uuids {

    private Uuids() {}

    /** A new version-7 UUID: 48 bits of Unix milliseconds, then 74 random bits. */
    public static UUID timeOrdered() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long msb = (System.currentTimeMillis() << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }
}
