package cn.yingji.stats;

/**
 * Production-safety figures of years before the platform (the same as one row of the XLSX import): used by loaders
 * and the demo. Writes are audited; the caller needs capture rights on the division (the system has all).
 */
public interface HistoricalFigures {

    /**
     * Records (or replaces) one year of one division.
     *
     * @param year the calendar year
     * @param divisionCode the division's 12-digit code
     * @param accidents production-safety accidents that year
     * @param deaths deaths in them
     * @param extraordinary how many of them were 特别重大
     * @throws cn.yingji.shared.InvalidInputException for an unknown division or impossible figures
     */
    void record(int year, String divisionCode, int accidents, int deaths, int extraordinary);

    /** True when any historical figure has been recorded for {@code year}. */
    boolean hasYear(int year);
}
