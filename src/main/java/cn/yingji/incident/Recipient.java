package cn.yingji.incident;

import org.jspecify.annotations.Nullable;

/**
 * Who a report goes to: the work-safety authority of the next level up, or one of the parallel notifications of
 * Decree 493 Art. 10 (police, human resources and social security, trade union, procuratorate, the same-level
 * government).
 */
public enum Recipient {
    COUNTY_AUTHORITY(ReportingLevel.COUNTY),
    CITY_AUTHORITY(ReportingLevel.CITY),
    PROVINCE_AUTHORITY(ReportingLevel.PROVINCE),
    STATE_AUTHORITY(ReportingLevel.STATE),
    POLICE(null),
    HRSS(null),
    TRADE_UNION(null),
    PROCURATORATE(null),
    SAME_LEVEL_GOVERNMENT(null);

    private final @Nullable ReportingLevel reaches;

    Recipient(@Nullable ReportingLevel reaches) {
        this.reaches = reaches;
    }

    /** The chain level that has received the event once this recipient has it; null for parallel notifications. */
    public @Nullable ReportingLevel reaches() {
        return reaches;
    }
}
