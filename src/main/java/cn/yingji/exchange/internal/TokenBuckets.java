package cn.yingji.exchange.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per API client: {@code ratePerMinute} tokens, refilled continuously at {@code ratePerMinute} per
 * minute, one token per request. In memory, per node: with several nodes a client gets up to n times its rate.
 */
final class TokenBuckets {

    private final Clock clock;
    private final ConcurrentHashMap<UUID, Bucket> buckets = new ConcurrentHashMap<>();

    TokenBuckets(Clock clock) {
        this.clock = clock;
    }

    /** Takes a token; answers zero when granted, else how long until the next token. */
    Duration acquire(UUID client, int ratePerMinute) {
        long now = clock.millis();
        Bucket b = buckets.compute(
                client,
                (k, old) -> old == null || old.capacity != ratePerMinute
                        ? new Bucket(ratePerMinute, ratePerMinute, now)
                        : old);
        synchronized (b) {
            double perMilli = ratePerMinute / 60_000.0;
            b.tokens = Math.min(b.capacity, b.tokens + (now - b.at) * perMilli);
            b.at = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return Duration.ZERO;
            }
            long wait = (long) Math.ceil((1 - b.tokens) / perMilli);
            return Duration.ofMillis(Math.max(1, wait));
        }
    }

    void forget(UUID client) {
        buckets.remove(client);
    }

    private static final class Bucket {
        final int capacity;
        double tokens;
        long at;

        Bucket(int capacity, double tokens, long at) {
            this.capacity = capacity;
            this.tokens = tokens;
            this.at = at;
        }
    }
}
