package cn.yingji.risk;

import java.time.Instant;
import java.util.UUID;

/**
 * A control measure of a risk point, bound to the directory position responsible for it.
 *
 * @param id identifier
 * @param point the risk point
 * @param measure what is done (engineering, management, training, PPE, emergency measures)
 * @param level the level that controls it
 * @param positionId the responsible position (directory)
 * @param positionName the position's name when the measure was bound
 * @param createdAt when it was recorded
 */
public record ControlMeasure(
        UUID id,
        RiskPointId point,
        String measure,
        ControlLevel level,
        UUID positionId,
        String positionName,
        Instant createdAt) {}
