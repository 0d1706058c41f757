package cn.yingji.monitoring;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A monitoring point (监测点): a place carrying sensors.
 *
 * @param id id
 * @param code unique code
 * @param name name
 * @param linkKind what it belongs to
 * @param linkId id of the linked enterprise, hazard source or place
 * @param linkName its name
 * @param lon longitude
 * @param lat latitude
 * @param divisionCode deepest division containing it
 * @param divisionPath materialised path (grid path when inside a grid)
 * @param gridCode grid, if any
 * @param createdAt when registered
 * @param version optimistic lock version
 */
public record MonitoringPoint(
        UUID id,
        String code,
        String name,
        LinkKind linkKind,
        @Nullable UUID linkId,
        @Nullable String linkName,
        double lon,
        double lat,
        @Nullable String divisionCode,
        String divisionPath,
        @Nullable String gridCode,
        Instant createdAt,
        int version) {}
