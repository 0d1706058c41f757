package cn.yingji.monitoring.internal;

import cn.yingji.monitoring.WarningLevel;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An alarm (报警) raised by a sensor's rules, waiting for or after 研判. */
record Alarm(
        UUID id,
        UUID sensorId,
        String sensorCode,
        String sensorName,
        UUID pointId,
        String pointName,
        String divisionPath,
        String kind,
        @Nullable WarningLevel level,
        @Nullable Double value,
        String unit,
        Instant readingAt,
        Instant raisedAt,
        String status,
        @Nullable String handledBy,
        @Nullable Instant handledAt,
        @Nullable String note,
        @Nullable UUID warningId,
        int version) {}
