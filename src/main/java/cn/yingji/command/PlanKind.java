package cn.yingji.command;

/** Kinds of plans in the plan system (预案体系). */
public enum PlanKind {
    /** 总体应急预案. */
    GENERAL,
    /** 专项应急预案. */
    SPECIAL,
    /** 部门应急预案. */
    DEPARTMENT,
    /** 企业（生产经营单位）应急预案. */
    ENTERPRISE
}
