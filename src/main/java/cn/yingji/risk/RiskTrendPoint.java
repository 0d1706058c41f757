package cn.yingji.risk;

import java.time.LocalDate;

/**
 * How many visible points had each colour at the end of a period, from the assessment history.
 *
 * @param period first day of the period (Asia/Shanghai)
 * @param red points red at the end of the period
 * @param orange points orange
 * @param yellow points yellow
 * @param blue points blue
 */
public record RiskTrendPoint(LocalDate period, long red, long orange, long yellow, long blue) {}
