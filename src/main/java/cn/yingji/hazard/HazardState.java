package cn.yingji.hazard;

import java.util.Map;
import java.util.Set;

/** Lifecycle of a hidden hazard. */
public enum HazardState {
    /** Reported, not yet checked. */
    REPORTED,
    /** Checked on site and graded. */
    VERIFIED,
    /** The five implementations are set (responsible, measures, funds, deadline, contingency plan). */
    ASSIGNED,
    /** Rectification under way. */
    RECTIFYING,
    /** Rectified, with evidence; awaiting acceptance. */
    RECTIFIED,
    /** Accepted by someone other than the rectifier. */
    ACCEPTED,
    /** Closed (销号). */
    CLOSED,
    /** Not a hazard. */
    REJECTED,
    /** A duplicate of another hazard. */
    MERGED;

    private static final Map<HazardState, Set<HazardState>> NEXT = Map.of(
            REPORTED, Set.of(VERIFIED, REJECTED, MERGED),
            VERIFIED, Set.of(ASSIGNED, REJECTED, MERGED),
            ASSIGNED, Set.of(RECTIFYING),
            RECTIFYING, Set.of(RECTIFIED),
            RECTIFIED, Set.of(ACCEPTED, RECTIFYING),
            ACCEPTED, Set.of(CLOSED),
            CLOSED, Set.of(),
            REJECTED, Set.of(),
            MERGED, Set.of());

    /** True when a hazard in this state may move to {@code next}. */
    public boolean canMoveTo(HazardState next) {
        return NEXT.get(this).contains(next);
    }

    /** True for states no step leaves. */
    public boolean terminal() {
        return NEXT.get(this).isEmpty();
    }
}
