package cn.yingji.callout.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The module's "now", replaceable in tests so escalations are tested without sleeping; not a {@code Clock} bean. */
@Component
class CalloutClock {

    private final ZoneId zone;
    private volatile Clock clock;

    CalloutClock(@Value("${yingji.zone:Asia/Shanghai}") String zone) {
        this.zone = ZoneId.of(zone);
        this.clock = Clock.system(this.zone);
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

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
