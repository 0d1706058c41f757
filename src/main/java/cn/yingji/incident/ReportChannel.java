package cn.yingji.incident;

/** How the duty desk learned of the event. */
public enum ReportChannel {
    PHONE,
    HOTLINE_12350,
    POLICE_110_TRANSFER,
    DEPARTMENT,
    MONITORING_ALARM,
    GRID_WORKER,
    APP,
    OTHER
}
