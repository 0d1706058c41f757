package cn.yingji.monitoring;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A sensor with its rules and its last known state.
 *
 * @param id id
 * @param code unique code
 * @param pointId its monitoring point
 * @param name name
 * @param kind what it measures
 * @param unit unit
 * @param intervalSeconds expected reporting interval
 * @param direction rising or falling thresholds
 * @param blue blue threshold
 * @param yellow yellow threshold
 * @param orange orange threshold
 * @param red red threshold
 * @param hysteresis dead band
 * @param ratePerMinute rate-of-change limit per minute
 * @param durationMinutes minutes past a threshold before its level is entered
 * @param divisionPath the point's path
 * @param state {@code NORMAL}, a level name, or {@code OFFLINE}
 * @param lastValue last value received
 * @param lastAt time of the last reading
 * @param version optimistic lock version
 */
public record Sensor(
        UUID id,
        String code,
        UUID pointId,
        String name,
        SensorKind kind,
        String unit,
        int intervalSeconds,
        Direction direction,
        @Nullable Double blue,
        @Nullable Double yellow,
        @Nullable Double orange,
        @Nullable Double red,
        double hysteresis,
        @Nullable Double ratePerMinute,
        int durationMinutes,
        String divisionPath,
        String state,
        @Nullable Double lastValue,
        @Nullable Instant lastAt,
        int version) {}
