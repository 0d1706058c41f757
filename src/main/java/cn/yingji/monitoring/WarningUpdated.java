package cn.yingji.monitoring;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A warning was updated (level, area, content or validity changed; CAP msgType {@code Update}).
 *
 * @param id the warning
 * @param oldLevel level before
 * @param level level after
 * @param divisionCodes the divisions it covers after the update
 * @param divisionPaths their materialised paths
 * @param drill true for a drill
 * @param expires until when, null when open-ended
 * @param at when
 */
public record WarningUpdated(
        WarningId id,
        WarningLevel oldLevel,
        WarningLevel level,
        List<String> divisionCodes,
        List<String> divisionPaths,
        boolean drill,
        @Nullable Instant expires,
        Instant at) {}
