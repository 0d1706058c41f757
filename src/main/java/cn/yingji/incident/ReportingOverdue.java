package cn.yingji.incident;

import java.time.Instant;
import java.util.UUID;

/**
 * Published once per obligation when its due time passed with no report (迟报).
 *
 * @param id the event
 * @param obligationId the obligation
 * @param fromLevel who should have reported
 * @param recipient to whom
 * @param dueAt the deadline that passed
 * @param divisionPath where the event is
 * @param drill true for a drill
 */
public record ReportingOverdue(
        IncidentId id,
        UUID obligationId,
        ReportingLevel fromLevel,
        Recipient recipient,
        Instant dueAt,
        String divisionPath,
        boolean drill) {}
