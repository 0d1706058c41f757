package cn.yingji.incident;

/** A level of the reporting chain (Decree 493 Arts. 9–10): the accident unit and each government level. */
public enum ReportingLevel {
    UNIT,
    COUNTY,
    CITY,
    PROVINCE,
    STATE
}
