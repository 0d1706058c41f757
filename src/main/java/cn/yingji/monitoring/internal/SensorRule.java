package cn.yingji.monitoring.internal;

import cn.yingji.monitoring.Direction;
import cn.yingji.monitoring.Sensor;
import cn.yingji.monitoring.WarningLevel;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory form of a sensor's rules, as the ingest path needs it.
 *
 * @param thresholds by {@link WarningLevel#ordinal()}, null where the level has no threshold
 */
record SensorRule(
        UUID id,
        String code,
        UUID pointId,
        String divisionPath,
        Direction direction,
        @Nullable Double[] thresholds,
        double hysteresis,
        @Nullable Double ratePerMinute,
        int durationMinutes,
        int intervalSeconds,
        Instant createdAt) {

    static SensorRule of(Sensor s, Instant createdAt) {
        return new SensorRule(
                s.id(),
                s.code(),
                s.pointId(),
                s.divisionPath(),
                s.direction(),
                new Double[] {s.blue(), s.yellow(), s.orange(), s.red()},
                s.hysteresis(),
                s.ratePerMinute(),
                s.durationMinutes(),
                s.intervalSeconds(),
                createdAt);
    }

    @Nullable
    Double threshold(WarningLevel level) {
        return thresholds[level.ordinal()];
    }
}
