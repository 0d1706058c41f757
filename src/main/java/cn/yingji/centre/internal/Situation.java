package cn.yingji.centre.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the command centre shows, already cut to the caller's jurisdiction.
 *
 * @param at when it was computed
 * @param events active (not closed) events, most severe and most recent first
 * @param countsByGrade active events per grade code ({@code NONE} for ungraded)
 * @param clocks reporting obligations of those events that are overdue or due soon, most urgent first
 * @param tasks open tasks, most urgent first
 * @param taskCounts open tasks by state, plus {@code OVERDUE}
 * @param teams rescue teams out (dispatched, on scene, returning)
 */
record Situation(
        Instant at,
        List<ActiveEvent> events,
        Map<String, Long> countsByGrade,
        List<Clock> clocks,
        List<OpenTask> tasks,
        Map<String, Long> taskCounts,
        List<EngagedTeam> teams) {

    record EngagedTeam(
            String id,
            String name,
            String status,
            String statusLabel,
            @Nullable String incidentId,
            double lon,
            double lat) {}

    record OpenTask(
            String id,
            String number,
            String title,
            String incidentId,
            String assignee,
            String state,
            String stateLabel,
            Instant dueAt,
            boolean overdue) {}

    record ActiveEvent(
            String id,
            String number,
            String title,
            String typeCode,
            @Nullable String grade,
            String gradeLabel,
            String state,
            double lon,
            double lat,
            Instant occurredAt,
            int deaths,
            int missing,
            int seriouslyInjured,
            boolean drill) {}

    record Clock(
            String incidentId,
            String incidentNumber,
            String incidentTitle,
            String recipient,
            Instant dueAt,
            String status,
            long secondsLeft) {}
}
