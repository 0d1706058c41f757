package cn.yingji.hazard;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A hazard moved through its lifecycle (verified, assigned, rectified, accepted, closed, rejected, merged …).
 * Published inside the step's transaction, so listeners see exactly the committed steps.
 *
 * @param id the hazard
 * @param number its number
 * @param grade its grade after the step
 * @param industry its industry code
 * @param from state before
 * @param to state after
 * @param divisionPath where it is
 * @param deadline rectification deadline, when assigned
 * @param at when
 */
public record HazardStateChanged(
        HazardId id,
        String number,
        HazardGrade grade,
        String industry,
        HazardState from,
        HazardState to,
        String divisionPath,
        @Nullable LocalDate deadline,
        Instant at) {}
