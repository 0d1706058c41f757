package cn.yingji.command;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One line of a plan's checklist: at this level, this party does this within so many minutes of activation.
 *
 * @param id identifier (null in a draft not yet saved)
 * @param level response level
 * @param seq order within the level
 * @param action what must be done
 * @param responsibleKind position, department, team, group or user
 * @param responsible name of the responsible party
 * @param responsibleUser account that receives the task, when the party has one
 * @param dueMinutes deadline after activation
 */
public record PlanAction(
        @Nullable UUID id,
        ResponseLevel level,
        int seq,
        String action,
        ResponsibleKind responsibleKind,
        String responsible,
        @Nullable String responsibleUser,
        int dueMinutes) {}
