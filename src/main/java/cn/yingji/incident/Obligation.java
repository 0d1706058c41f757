package cn.yingji.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One reporting obligation (报送时限) of an event: {@code fromLevel} must report to {@code recipient} by {@code dueAt}.
 *
 * @param id identifier
 * @param incidentId the event
 * @param fromLevel who must report
 * @param recipient to whom
 * @param anchorAt when the clock started (the level received the event, or the grade changed)
 * @param dueAt deadline
 * @param metAt when a report met it, if any
 * @param reportId the report that met it
 * @param overdueAt when the overdue sweep flagged it (迟报), if it did
 * @param waivedAt when it stopped applying (the grade went down), if it did
 * @param legalBasis the rule's legal basis
 */
public record Obligation(
        UUID id,
        IncidentId incidentId,
        ReportingLevel fromLevel,
        Recipient recipient,
        Instant anchorAt,
        Instant dueAt,
        @Nullable Instant metAt,
        @Nullable UUID reportId,
        @Nullable Instant overdueAt,
        @Nullable Instant waivedAt,
        String legalBasis) {

    /** Display state of an obligation at an instant. */
    public enum Status {
        /** Still running. */
        OPEN,
        /** Due within the warning margin. */
        DUE_SOON,
        /** Due time passed with no report (迟报). */
        OVERDUE,
        /** Met on time. */
        MET,
        /** Met, but after the due time (迟报). */
        MET_LATE,
        /** No longer required. */
        WAIVED
    }

    /** The state at {@code now}; DUE_SOON within 30 minutes of the deadline. */
    public Status statusAt(Instant now) {
        if (waivedAt != null) {
            return Status.WAIVED;
        }
        if (metAt != null) {
            return metAt.isAfter(dueAt) ? Status.MET_LATE : Status.MET;
        }
        if (overdueAt != null || now.isAfter(dueAt)) {
            return Status.OVERDUE;
        }
        return Duration.between(now, dueAt).compareTo(Duration.ofMinutes(30)) <= 0 ? Status.DUE_SOON : Status.OPEN;
    }
}
