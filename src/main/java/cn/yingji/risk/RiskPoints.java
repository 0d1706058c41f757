package cn.yingji.risk;

import cn.yingji.shared.PageQuery;
import cn.yingji.shared.PageResult;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Read access to risk points. When a user is signed in every answer is limited to the user's view jurisdiction (a
 * foreign point is reported as absent and never counted); the system (no user) sees everything.
 */
public interface RiskPoints {

    /** The point, if it exists and is visible. */
    Optional<RiskPoint> find(RiskPointId id);

    /** One page of visible points matching the filter, most severe first, then by name. */
    PageResult<RiskPoint> list(RiskPointFilter filter, PageQuery page);

    /** The point's assessments, newest first; empty when the point is not visible. */
    List<Assessment> assessments(RiskPointId id);

    /** The point's control measures by level (company first); empty when the point is not visible. */
    List<ControlMeasure> measures(RiskPointId id);

    /** The configured bands of a method, from low to high scores. */
    List<RiskBand> bands(AssessmentMethod method);

    /** The allowed values of each factor of each method, ascending, e.g. {@code LEC → L → [0.1, 0.2, …]}. */
    Map<AssessmentMethod, Map<String, List<BigDecimal>>> factorValues();

    /**
     * Computes the score and colour of the inputs without storing anything.
     *
     * @throws cn.yingji.shared.InvalidInputException naming every missing or disallowed factor
     */
    RiskResult evaluate(NewAssessment inputs);

    /**
     * Visible points counted by current colour per division or grid one level below the city at {@code level}.
     *
     * @param level {@code COUNTY}, {@code TOWNSHIP}, {@code VILLAGE} or {@code GRID}
     */
    List<RiskMapCell> map(String level);

    /**
     * Counts by colour at the end of each period over the last {@code periods} periods, oldest first.
     *
     * @param bucket {@code day}, {@code week} or {@code month}
     * @param periods 1–120
     * @param division only this subtree (a path), or null for everything visible
     */
    List<RiskTrendPoint> trend(String bucket, int periods, @Nullable String division);
}
