package cn.yingji.incident;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Published when a leader's instruction was recorded (e.g. for notification of the addressee).
 *
 * @param id the event
 * @param instructionId the instruction
 * @param addresseeUser username of the addressed user, if any
 * @param divisionPath where the event is
 */
public record InstructionIssued(
        IncidentId id, UUID instructionId, @Nullable String addresseeUser, String divisionPath) {}
