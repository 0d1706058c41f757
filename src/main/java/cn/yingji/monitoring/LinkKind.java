package cn.yingji.monitoring;

/** What a monitoring point belongs to. */
public enum LinkKind {
    /** A production or business unit (directory organisation). */
    ENTERPRISE,
    /** A major hazard source (risk module). */
    HAZARD_SOURCE,
    /** A reservoir. */
    RESERVOIR,
    /** Any other place (bridge, underpass, slope, river section …). */
    PLACE
}
