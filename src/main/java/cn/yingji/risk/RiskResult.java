package cn.yingji.risk;

import java.math.BigDecimal;

/**
 * The outcome of evaluating assessment inputs against the configured bands.
 *
 * @param method the method
 * @param score D = L·E·C or R = L·S, exact
 * @param colour the colour of the band the score falls in
 * @param bandLabel the band's label code (e.g. {@code lec.high}), a message key suffix under {@code risk.band.}
 */
public record RiskResult(AssessmentMethod method, BigDecimal score, RiskColour colour, String bandLabel) {}
