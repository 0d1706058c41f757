package cn.yingji.monitoring.internal;

import cn.yingji.monitoring.WarningLevel;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Mutable evaluation state of one sensor; guarded by the ingest lock. */
final class SensorState {

    @Nullable
    WarningLevel level;

    /** Per level: start of the current unbroken run of readings past that level's (hysteresis-adjusted) bound. */
    final @Nullable Instant[] since = new Instant[WarningLevel.values().length];

    boolean rateHigh;
    boolean offline;

    @Nullable
    Instant lastAt;

    double lastValue;

    /** Last time this sensor was heard from or registered; the offline sweep measures silence from it. */
    Instant reference;

    SensorState(Instant reference) {
        this.reference = reference;
    }

    SensorState copy() {
        SensorState c = new SensorState(reference);
        c.level = level;
        System.arraycopy(since, 0, c.since, 0, since.length);
        c.rateHigh = rateHigh;
        c.offline = offline;
        c.lastAt = lastAt;
        c.lastValue = lastValue;
        return c;
    }

    String stateName() {
        if (offline) {
            return "OFFLINE";
        }
        return level == null ? "NORMAL" : level.name();
    }
}
