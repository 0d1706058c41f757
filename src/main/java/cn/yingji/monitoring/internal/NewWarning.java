package cn.yingji.monitoring.internal;

import cn.yingji.monitoring.WarningLevel;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Input of issuing or updating a warning (Emergency Response Law Art. 64: category, level, start time, area,
 * warning items, measures, issuer and issuing time).
 *
 * @param level level / colour
 * @param eventType type code such as {@code RAINSTORM}, {@code FLOOD}, {@code HAZMAT_LEAK}
 * @param title headline
 * @param content what is warned of
 * @param measures measures to take
 * @param areaDesc description of the area; derived from the divisions when blank
 * @param divisionCodes 12-digit codes of the divisions covered (or)
 * @param polygon a polygon as CAP {@code lat,lon} pairs, closed
 * @param effective from when (default now)
 * @param expires until when
 * @param drill a drill (CAP status Exercise)
 * @param version version read (update only)
 */
record NewWarning(
        @Nullable WarningLevel level,
        @Nullable String eventType,
        @Nullable String title,
        @Nullable String content,
        @Nullable String measures,
        @Nullable String areaDesc,
        @Nullable List<String> divisionCodes,
        @Nullable String polygon,
        @Nullable Instant effective,
        @Nullable Instant expires,
        @Nullable Boolean drill,
        @Nullable Integer version) {}
