package cn.yingji.hazard;

/** Overdue warning on a hazard under rectification. */
public enum HazardCard {
    /** On time. */
    NONE,
    /** Due within the configured number of days (黄牌). */
    YELLOW,
    /** Past its deadline (红牌); escalated to the supervising level. */
    RED
}
