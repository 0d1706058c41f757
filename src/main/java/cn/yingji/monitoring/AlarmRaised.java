package cn.yingji.monitoring;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A sensor changed into an alarming state (a threshold level entered or raised, a rate of change exceeded, or the
 * sensor went offline). Published inside the ingest transaction that stored the alarm.
 *
 * @param alarmId the alarm
 * @param sensorId the sensor
 * @param sensorCode its code
 * @param kind {@code THRESHOLD}, {@code RATE} or {@code OFFLINE}
 * @param level the level entered (threshold alarms), else null
 * @param value the reading's value, null for offline
 * @param readingAt time of the reading (or of the last reading for offline)
 * @param divisionPath the point's path
 */
public record AlarmRaised(
        UUID alarmId,
        UUID sensorId,
        String sensorCode,
        String kind,
        @Nullable WarningLevel level,
        @Nullable Double value,
        Instant readingAt,
        String divisionPath) {}
