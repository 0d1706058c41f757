package cn.yingji.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The per-address sliding window, driven by a hand-moved clock. */
class LoginThrottleTests {

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovableClock clock = new MovableClock();
    private final LoginThrottle throttle =
            new LoginThrottle(new LoginThrottle.ThrottlePolicy(true, 3, Duration.ofMinutes(10)), clock);

    @Test
    void blocksAnAddressAfterTooManyFailuresInsideTheWindow() {
        throttle.failure("10.0.0.1");
        clock.now = clock.now.plusSeconds(60);
        throttle.failure("10.0.0.1");
        assertThat(throttle.blocked("10.0.0.1")).isFalse();
        throttle.failure("10.0.0.1");
        assertThat(throttle.blocked("10.0.0.1")).isTrue();
        assertThat(throttle.retryAfter("10.0.0.1")).isEqualTo(Duration.ofMinutes(9));
        assertThat(throttle.blocked("10.0.0.2"))
                .as("other addresses are not affected")
                .isFalse();
    }

    @Test
    void theWindowSlides() {
        throttle.failure("10.0.0.1");
        clock.now = clock.now.plusSeconds(300);
        throttle.failure("10.0.0.1");
        throttle.failure("10.0.0.1");
        assertThat(throttle.blocked("10.0.0.1")).isTrue();
        clock.now = clock.now.plusSeconds(300);
        assertThat(throttle.blocked("10.0.0.1"))
                .as("the first failure left the window")
                .isFalse();
        throttle.evict();
        clock.now = clock.now.plusSeconds(600);
        throttle.evict();
        assertThat(throttle.retryAfter("10.0.0.1")).isZero();
    }

    @Test
    void canBeSwitchedOff() {
        LoginThrottle off = new LoginThrottle(new LoginThrottle.ThrottlePolicy(false, 1, Duration.ofMinutes(1)), clock);
        off.failure("10.0.0.1");
        off.failure("10.0.0.1");
        assertThat(off.blocked("10.0.0.1")).isFalse();
    }

    @Test
    void structuralDivisionPathsFollowTheCodeLevels() {
        assertThat(ScopeCodes.structuralPath("990100000000")).hasValue("/990100000000/");
        assertThat(ScopeCodes.structuralPath("990102000000")).hasValue("/990100000000/990102000000/");
        assertThat(ScopeCodes.structuralPath("990102001000")).hasValue("/990100000000/990102000000/990102001000/");
        assertThat(ScopeCodes.structuralPath("990102001002"))
                .hasValue("/990100000000/990102000000/990102001000/990102001002/");
        assertThat(ScopeCodes.structuralPath("9901020010020001"))
                .hasValue("/990100000000/990102000000/990102001000/990102001002/9901020010020001/");
        assertThat(ScopeCodes.structuralPath("12345")).isEmpty();
        assertThat(ScopeCodes.structuralPath("99010200100x")).isEmpty();
        assertThat(ScopeCodes.split(java.util.List.of("990102000000, 990103000000；990102000000")))
                .containsExactly("990102000000", "990103000000");
    }
}
