package cn.yingji.risk;

/** Enterprise size classes (大型、中型、小型、微型) as in the national statistical classification. */
public enum EnterpriseSize {
    /** 大型. */
    LARGE,
    /** 中型. */
    MEDIUM,
    /** 小型. */
    SMALL,
    /** 微型. */
    MICRO
}
