package cn.yingji.incident;

/**
 * A row of the event-type table (kept as data).
 *
 * @param code code, e.g. {@code ROAD_TRAFFIC}
 * @param category category
 * @param nameZh Chinese name
 * @param nameEn English name
 * @param gradingScheme code of its grading scheme
 * @param reportingChain code of its reporting chain
 * @param regradeWindowDays days after occurrence in which casualty changes re-grade (Decree 493 Art. 13)
 * @param productionSafety true for production-safety accidents under Decree 493
 * @param active offered for new events
 */
public record EventType(
        String code,
        EventCategory category,
        String nameZh,
        String nameEn,
        String gradingScheme,
        String reportingChain,
        int regradeWindowDays,
        boolean productionSafety,
        boolean active) {

    /** The name in the given language ({@code en} or Chinese). */
    public String name(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }
}
