package cn.yingji.command;

import cn.yingji.incident.Grade;
import org.jspecify.annotations.Nullable;

/**
 * One response level defined by a plan.
 *
 * @param level the level
 * @param minGrade lowest event grade for which the plan suggests this level; null when only the wording decides
 * @param triggerText the plan's trigger conditions (启动条件)
 */
public record PlanLevel(ResponseLevel level, @Nullable Grade minGrade, String triggerText) {}
