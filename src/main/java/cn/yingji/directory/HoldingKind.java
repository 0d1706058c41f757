package cn.yingji.directory;

/** How a person holds a position. A position has at most one current holder of each kind. */
public enum HoldingKind {
    /** The appointed holder (正职/在岗). */
    PRIMARY,
    /** Someone acting for the appointed holder (代理/主持工作), e.g. during leave or a vacancy. */
    ACTING
}
