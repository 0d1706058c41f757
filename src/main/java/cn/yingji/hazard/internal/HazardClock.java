package cn.yingji.hazard.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The module's "now", replaceable in tests (deadlines, cards) without sleeping; not a {@code Clock} bean. */
@Component
class HazardClock {

    private final ZoneId zone;
    private volatile Clock clock;

    HazardClock(@Value("${yingji.zone:Asia/Shanghai}") String zone) {
        this.zone = ZoneId.of(zone);
        this.clock = Clock.system(this.zone);
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    ZoneId zone() {
        return zone;
    }

    /** The end of a local deadline day: the first instant of the day after. */
    Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
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
