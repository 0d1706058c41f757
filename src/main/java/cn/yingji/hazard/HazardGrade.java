package cn.yingji.hazard;

/** Grade of a hidden hazard (16号令 Art. 3). */
public enum HazardGrade {
    /** 一般事故隐患: small harm, can be rectified at once. */
    GENERAL,
    /** 重大事故隐患: needs (partial) suspension and a remediation period, or cannot be removed by the unit alone. */
    MAJOR
}
