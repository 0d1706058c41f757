package cn.yingji.hazard;

import java.time.Instant;
import java.util.List;

/**
 * What a reporter sees with a follow-up code: no names of officials, only the steps.
 *
 * @param number hazard number
 * @param state current state
 * @param reportedAt when it was reported
 * @param steps every step, oldest first (the report first)
 */
public record FollowUp(String number, HazardState state, Instant reportedAt, List<HazardStep> steps) {

    public FollowUp {
        steps = List.copyOf(steps);
    }
}
