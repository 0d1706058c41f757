package cn.yingji.incident;

/** Kinds of accident reports: 初报, 续报, 核报, 终报. */
public enum ReportKind {
    INITIAL,
    FOLLOW_UP,
    VERIFIED,
    FINAL
}
