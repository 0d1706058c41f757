package cn.yingji.risk;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Command to add a control measure.
 *
 * @param measure required, up to 1000 characters
 * @param level the controlling level
 * @param positionId required: a position visible in the directory
 */
public record NewControlMeasure(
        @Nullable String measure,
        @Nullable ControlLevel level,
        @Nullable UUID positionId) {}
