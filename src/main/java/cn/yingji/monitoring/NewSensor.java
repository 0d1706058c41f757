package cn.yingji.monitoring;

import org.jspecify.annotations.Nullable;

/**
 * Input of a new or changed sensor and its rules. Thresholds are optional per level but must be ordered in the
 * sensor's direction (for {@link Direction#ABOVE}: blue &lt; yellow &lt; orange &lt; red).
 *
 * @param code unique code; readings name the sensor by it (also the MQTT topic suffix)
 * @param name display name
 * @param kind what it measures
 * @param unit unit of the values, e.g. {@code m}, {@code %LEL}, {@code MPa}
 * @param intervalSeconds expected reporting interval; silence past it (times the offline factor) raises an
 *     offline alarm
 * @param direction rising or falling thresholds
 * @param blue blue (IV) threshold
 * @param yellow yellow (III) threshold
 * @param orange orange (II) threshold
 * @param red red (I) threshold
 * @param hysteresis dead band: a level is left only when the value is back past its threshold by this much
 * @param ratePerMinute rate of change (absolute, per minute) above which a rate alarm is raised
 * @param durationMinutes a level is entered only after the value stayed past its threshold this long
 */
public record NewSensor(
        @Nullable String code,
        @Nullable String name,
        @Nullable SensorKind kind,
        @Nullable String unit,
        @Nullable Integer intervalSeconds,
        @Nullable Direction direction,
        @Nullable Double blue,
        @Nullable Double yellow,
        @Nullable Double orange,
        @Nullable Double red,
        @Nullable Double hysteresis,
        @Nullable Double ratePerMinute,
        @Nullable Integer durationMinutes) {}
