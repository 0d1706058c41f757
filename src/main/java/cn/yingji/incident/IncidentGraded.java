package cn.yingji.incident;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Published when an event's grade changed after intake (re-grading on a casualty or loss update inside the window).
 *
 * @param id the event
 * @param oldGrade grade before
 * @param newGrade grade after
 * @param decidedBy the dimension that decided the new grade, null when the base grade applies
 * @param investigatorChanged true when the investigating government level changed (Decree 493 Arts. 19–20)
 * @param divisionPath where the event is
 * @param drill true for a drill
 * @param at when
 */
public record IncidentGraded(
        IncidentId id,
        @Nullable Grade oldGrade,
        @Nullable Grade newGrade,
        @Nullable GradingDimension decidedBy,
        boolean investigatorChanged,
        String divisionPath,
        boolean drill,
        Instant at) {}
