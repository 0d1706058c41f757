package cn.yingji.risk;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes on the major-hazard registry. Each call is one transaction, audited, re-grades the unit, appends to its
 * grading history and publishes {@link MajorHazardSourceGraded}. Enterprise users may write units of enterprises in
 * their capture scope; district and department officers and administrators any unit in their capture scope.
 */
public interface MajorHazardManagement {

    /** Registers a unit with its inventory and grades it. */
    MajorHazardSourceId create(NewMajorHazardSource source);

    /**
     * Changes the unit's name and exposed population (which re-grades it through α).
     *
     * @throws cn.yingji.shared.ConflictException when {@code expectedVersion} is stale
     */
    MajorHazardSource update(
            MajorHazardSourceId id, int expectedVersion, @Nullable String name, @Nullable Integer exposedPopulation);

    /**
     * Replaces the unit's inventory and re-grades it.
     *
     * @throws cn.yingji.shared.ConflictException when {@code expectedVersion} is stale
     */
    MajorHazardSource replaceInventory(
            MajorHazardSourceId id, int expectedVersion, @Nullable List<InventoryLine> lines);
}
