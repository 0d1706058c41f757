package cn.yingji.command;

import cn.yingji.incident.IncidentId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A task (指令) given for an event.
 *
 * @param id identifier
 * @param number human-readable number
 * @param incidentId the event
 * @param responseId response whose checklist created it, if any
 * @param divisionPath the event's path
 * @param title what to do
 * @param detail details
 * @param assigneeKind department, team, position, group or user
 * @param assigneeName who must do it
 * @param assigneeUser the account that receives it; null when any officer of the assignee may
 * @param assignedBy who gave it (overdue tasks escalate to them)
 * @param assignedAt when
 * @param dueAt deadline
 * @param state state
 * @param receivedBy who received it
 * @param receivedAt when
 * @param doneBy who reported it done
 * @param doneAt when
 * @param confirmedBy who confirmed completion
 * @param confirmedAt when
 * @param escalatedAt when it was escalated as overdue; null if not
 * @param version optimistic-lock version
 */
public record Task(
        TaskId id,
        String number,
        IncidentId incidentId,
        @Nullable ResponseId responseId,
        String divisionPath,
        String title,
        @Nullable String detail,
        ResponsibleKind assigneeKind,
        String assigneeName,
        @Nullable String assigneeUser,
        String assignedBy,
        Instant assignedAt,
        Instant dueAt,
        TaskState state,
        @Nullable String receivedBy,
        @Nullable Instant receivedAt,
        @Nullable String doneBy,
        @Nullable Instant doneAt,
        @Nullable String confirmedBy,
        @Nullable Instant confirmedAt,
        @Nullable Instant escalatedAt,
        int version) {

    /** True when open and past its deadline at {@code now}. */
    public boolean overdueAt(Instant now) {
        return state.open() && now.isAfter(dueAt);
    }
}
