package cn.yingji.geo;

/** Levels of the administrative hierarchy below a city, as in the statistical division codes. */
public enum DivisionLevel {
    /** 市 (prefecture-level city). */
    CITY,
    /** 区/县/县级市/开发区. */
    COUNTY,
    /** 乡/镇/街道. */
    TOWNSHIP,
    /** 村/社区. */
    VILLAGE
}
