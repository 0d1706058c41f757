package cn.yingji.monitoring.internal;

import cn.yingji.monitoring.WarningLevel;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A warning (预警): ours or imported from another department's CAP. */
record Warning(
        UUID id,
        String identifier,
        String sender,
        String senderName,
        boolean external,
        boolean drill,
        String status,
        String msgType,
        WarningLevel level,
        String eventType,
        String category,
        String title,
        String content,
        String measures,
        String areaDesc,
        List<String> divisionCodes,
        List<String> divisionPaths,
        @Nullable String polygon,
        Instant effective,
        @Nullable Instant expires,
        Instant issuedAt,
        Instant updatedAt,
        @Nullable Instant cancelledAt,
        @Nullable UUID alarmId,
        String references,
        Instant capSent,
        int version) {

    boolean current(Instant now) {
        return "ACTIVE".equals(status) && (expires == null || expires.isAfter(now));
    }
}
