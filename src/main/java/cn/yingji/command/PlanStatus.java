package cn.yingji.command;

/** Whether a plan is in force. Only active plans are proposed for events. */
public enum PlanStatus {
    DRAFT,
    ACTIVE,
    RETIRED
}
