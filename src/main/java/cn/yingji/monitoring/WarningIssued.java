package cn.yingji.monitoring;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A warning was issued (our own, or imported from another department's CAP feed). Published inside the issuing
 * transaction.
 *
 * @param id the warning
 * @param level its level
 * @param eventType what it warns of (a type code such as {@code RAINSTORM}, {@code FLOOD}, {@code TYPHOON})
 * @param title headline
 * @param divisionCodes the 12-digit codes of the divisions it covers (for a polygon area: the divisions it touches)
 * @param divisionPaths the materialised paths of those divisions, for jurisdiction filtering
 * @param sender who issued it (our bureau, or the other department's sender id)
 * @param external true when imported from another department
 * @param drill true for a drill; kept out of real statistics
 * @param effective from when it applies
 * @param expires until when, null when open-ended
 * @param issuedAt when it was issued
 */
public record WarningIssued(
        WarningId id,
        WarningLevel level,
        String eventType,
        String title,
        List<String> divisionCodes,
        List<String> divisionPaths,
        String sender,
        boolean external,
        boolean drill,
        Instant effective,
        @Nullable Instant expires,
        Instant issuedAt) {}
