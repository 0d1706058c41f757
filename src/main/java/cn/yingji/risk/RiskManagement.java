package cn.yingji.risk;

import java.util.List;
import java.util.UUID;

/**
 * Writes on risk points and the banding configuration. Each call is one transaction, audited, and checked against
 * the caller's role and capture jurisdiction: enterprise users may write the points of enterprises in their capture
 * scope; township, district and department officers and administrators any point in their capture scope; only
 * administrators change the banding.
 */
public interface RiskManagement {

    /**
     * Registers a risk point.
     *
     * @throws cn.yingji.shared.InvalidInputException with field errors; nothing is written then
     */
    RiskPointId create(NewRiskPoint point);

    /**
     * Edits name, category, description and location (not the enterprise or place binding).
     *
     * @throws cn.yingji.shared.ConflictException when {@code expectedVersion} is stale
     */
    RiskPoint update(RiskPointId id, int expectedVersion, NewRiskPoint point);

    /**
     * Assesses a point: computes the score and colour with the current bands, appends it to the history, sets the
     * point's current colour and publishes {@link RiskAssessed}.
     *
     * @throws cn.yingji.shared.InvalidInputException for missing or disallowed factor values
     */
    Assessment assess(RiskPointId id, NewAssessment inputs);

    /** Adds a control measure bound to a directory position. */
    ControlMeasure addMeasure(RiskPointId id, NewControlMeasure measure);

    /** Removes a control measure. */
    void removeMeasure(RiskPointId id, UUID measureId);

    /**
     * Replaces the bands of a method (administrators only). Existing assessments keep the colour they were given.
     *
     * @throws cn.yingji.shared.InvalidInputException when the bands leave a gap, overlap, or miss a colour
     */
    List<RiskBand> replaceBands(AssessmentMethod method, List<RiskBand> bands);
}
