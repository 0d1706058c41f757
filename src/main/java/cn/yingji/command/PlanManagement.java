package cn.yingji.command;

/**
 * Writes on the plan registry, for administrators and commanders inside their capture scope. Each write is audited.
 */
public interface PlanManagement {

    /**
     * Registers a plan.
     *
     * @throws cn.yingji.shared.InvalidInputException for a missing field, an unknown event type or division, a
     *     checklist line at a level the plan does not define, a non-positive deadline …
     * @throws cn.yingji.shared.ConflictException when the code is taken
     */
    Plan create(NewPlan plan);

    /**
     * Replaces a plan's content (checklist included).
     *
     * @param expectedVersion the version the editor started from
     * @throws cn.yingji.shared.ConflictException when someone else changed it meanwhile
     */
    Plan update(PlanId id, NewPlan plan, int expectedVersion);
}
