package cn.yingji.incident.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The module's source of "now" and of the statutory time zone. A {@link Clock} behind it so that tests can move time
 * (the overdue sweep, the re-grading window) without sleeping; it is not a {@code Clock} bean so that it cannot clash
 * with another module's.
 */
@Component
class IncidentClock {

    private final ZoneId zone;
    private volatile Clock clock;

    IncidentClock(@Value("${yingji.zone:Asia/Shanghai}") String zone) {
        this.zone = ZoneId.of(zone);
        this.clock = Clock.system(this.zone);
    }

    Instant now() {
        return clock.instant();
    }

    /** Asia/Shanghai unless configured otherwise: statutory deadlines are computed in this wall-clock time. */
    ZoneId zone() {
        return zone;
    }

    /** Replaces the clock (tests only). */
    void use(Clock replacement) {
        this.clock = replacement;
    }

    /** Back to the system clock. */
    void reset() {
        this.clock = Clock.system(zone);
    }
}
