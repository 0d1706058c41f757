package cn.yingji.hazard;

/**
 * A hazard was reported.
 *
 * @param id the hazard
 * @param number its number
 * @param grade proposed grade
 * @param source who found it
 * @param divisionPath where
 */
public record HazardReported(HazardId id, String number, HazardGrade grade, HazardSource source, String divisionPath) {}
