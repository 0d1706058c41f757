/**
 * Command system (应急指挥): the plan registry (预案) with per-level response checklists, plan matching for an
 * event with reasons, response levels I–IV activated, raised, lowered and ended by an authorised commander, the
 * headquarters (指挥部) with its working groups and on-scene command post, and tasks (指令) with receipt, feedback,
 * completion confirmed by someone else and escalation when overdue. Reads events through {@code incident} and writes
 * on their time axis; listens to {@code resource}'s dispatches to task the dispatched team.
 */
@ApplicationModule(
        displayName = "Command",
        allowedDependencies = {"shared", "identity", "geo", "incident", "resource", "portal"})
@NullMarked
package cn.yingji.command;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
