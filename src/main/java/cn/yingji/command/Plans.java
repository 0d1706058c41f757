package cn.yingji.command;

import cn.yingji.incident.IncidentId;
import java.util.List;
import java.util.Optional;

/**
 * The plan registry, read side. Plans are visible to a signed-in user when their issuing jurisdiction lies inside
 * the user's view scope or contains it (a district officer sees the city's plans that apply to their district).
 */
public interface Plans {

    /** Plans visible to the caller, by kind and code; {@code status} null for all. */
    List<Plan> list(@org.jspecify.annotations.Nullable PlanStatus status);

    /**
     * A plan.
     *
     * @throws cn.yingji.shared.NotFoundException when missing or not visible
     */
    Plan require(PlanId id);

    /** A plan by its code, if visible. */
    Optional<Plan> findByCode(String code);

    /**
     * Active plans that apply to the event (type covered, jurisdiction containing the event), best first, each with
     * the level it suggests and the reasons.
     *
     * @throws cn.yingji.shared.NotFoundException when the event is not visible
     */
    List<PlanMatch> match(IncidentId incident);
}
