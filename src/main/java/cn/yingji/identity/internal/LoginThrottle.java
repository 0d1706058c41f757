package cn.yingji.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Per-client-address throttling of failed sign-ins (form login and API tokens): a sliding window of failure times per
 * address, in memory on each node. Once an address has {@code maxFailures} failures inside {@code window}, further
 * attempts are refused until the oldest failure leaves the window. Complements the per-account lock, which stops
 * guessing one password from many addresses. Created as a bean by {@link SecurityConfiguration}.
 */
class LoginThrottle {

    private final ThrottlePolicy policy;
    private final Clock clock;
    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

    LoginThrottle(ThrottlePolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /** Counts one failed attempt from {@code address}. */
    void failure(String address) {
        if (!policy.enabled()) {
            return;
        }
        long now = clock.millis();
        Deque<Long> times = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
            while (times.size() > policy.maxFailures()) {
                times.removeFirst();
            }
        }
    }

    /** How long {@code address} must still wait; zero when it may try now. */
    Duration retryAfter(String address) {
        if (!policy.enabled()) {
            return Duration.ZERO;
        }
        Deque<Long> times = failures.get(address);
        if (times == null) {
            return Duration.ZERO;
        }
        long now = clock.millis();
        synchronized (times) {
            prune(times, now);
            if (times.size() < policy.maxFailures()) {
                return Duration.ZERO;
            }
            return Duration.ofMillis(times.peekFirst() + policy.window().toMillis() - now);
        }
    }

    boolean blocked(String address) {
        return !retryAfter(address).isZero();
    }

    /** Drops addresses whose failures have all left the window, so the map cannot grow without bound. */
    @Scheduled(fixedDelay = 60_000)
    void evict() {
        long now = clock.millis();
        failures.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                prune(e.getValue(), now);
                return e.getValue().isEmpty();
            }
        });
    }

    private void prune(Deque<Long> times, long now) {
        long oldest = now - policy.window().toMillis();
        while (!times.isEmpty() && times.peekFirst() <= oldest) {
            times.removeFirst();
        }
    }

    /**
     * Per-address throttling of failed sign-ins.
     *
     * @param enabled false switches throttling off
     * @param maxFailures failures from one address inside the window that block it
     * @param window the sliding window
     */
    @ConfigurationProperties("yingji.security.throttle")
    record ThrottlePolicy(boolean enabled, int maxFailures, Duration window) {
        ThrottlePolicy {
            if (maxFailures <= 0) {
                maxFailures = 20;
            }
            if (window == null || window.isNegative() || window.isZero()) {
                window = Duration.ofMinutes(10);
            }
        }
    }
}
