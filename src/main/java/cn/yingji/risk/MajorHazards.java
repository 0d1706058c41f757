package cn.yingji.risk;

import cn.yingji.shared.PageQuery;
import cn.yingji.shared.PageResult;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Read access to the major-hazard registry, scoped like {@link RiskPoints}, plus the GB 18218-2018 calculation.
 */
public interface MajorHazards {

    /** The unit, if it exists and is visible. */
    Optional<MajorHazardSource> find(MajorHazardSourceId id);

    /**
     * One page of visible units, graded major sources first (一级 first), then by name.
     *
     * @param q text in the unit or enterprise name
     * @param major only major (true) or only non-major (false) units
     * @param grade only this grade
     * @param division only this subtree (a path)
     * @param organisationId only this enterprise's units
     */
    PageResult<MajorHazardSource> list(
            @Nullable String q,
            @Nullable Boolean major,
            @Nullable HazardGrade grade,
            @Nullable String division,
            @Nullable UUID organisationId,
            PageQuery page);

    /** The unit's current inventory; empty when not visible. */
    List<InventoryItem> inventory(MajorHazardSourceId id);

    /** The unit's grading history, newest first; empty when not visible. */
    List<HazardGrading> gradings(MajorHazardSourceId id);

    /** The reference tables in use. */
    Gb18218Table table();

    /**
     * Identifies and grades an inventory without storing anything.
     *
     * @throws cn.yingji.shared.InvalidInputException for a missing population, an empty inventory, an unknown
     *     chemical or class, a missing or negative quantity
     */
    HazardEvaluation evaluate(@Nullable Integer exposedPopulation, @Nullable List<InventoryLine> inventory);
}
