package cn.yingji.command;

import cn.yingji.incident.IncidentId;
import java.time.Instant;

/**
 * A task was issued or moved to another state, or escalated. Published inside the writing transaction.
 *
 * @param taskId the task
 * @param incidentId its event
 * @param step the step just taken
 * @param state the task's state after it
 * @param assignedBy the assigner (escalations go to them)
 * @param divisionPath the event's path
 * @param at when
 */
public record TaskChanged(
        TaskId taskId,
        IncidentId incidentId,
        TaskUpdate.Kind step,
        TaskState state,
        String assignedBy,
        String divisionPath,
        Instant at) {}
