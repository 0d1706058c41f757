package cn.yingji.monitoring;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Input of a new or changed monitoring point. Division and grid are resolved from the position.
 *
 * @param code unique code, e.g. {@code MP-YH-001}
 * @param name display name
 * @param linkKind what it belongs to
 * @param linkId id of the enterprise, major hazard source or place in its module, if known
 * @param linkName its name as shown
 * @param lon WGS-84 longitude
 * @param lat WGS-84 latitude
 */
public record NewPoint(
        @Nullable String code,
        @Nullable String name,
        @Nullable LinkKind linkKind,
        @Nullable UUID linkId,
        @Nullable String linkName,
        @Nullable Double lon,
        @Nullable Double lat) {}
