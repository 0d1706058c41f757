package cn.yingji.command;

/** Who a checklist action or a task is addressed to. */
public enum ResponsibleKind {
    /** A position (岗位), e.g. 市应急局值班主任. */
    POSITION,
    /** A department or organisation, e.g. 市消防救援支队. */
    DEPARTMENT,
    /** A rescue team. */
    TEAM,
    /** A working group of the headquarters. */
    GROUP,
    /** A named platform user. */
    USER
}
