package cn.yingji.risk;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Command to register a unit for identification, with its inventory.
 *
 * @param name unit name, required
 * @param unitKind production or storage unit, required
 * @param organisationId the enterprise (a visible directory organisation of kind ENTERPRISE), required
 * @param exposedPopulation people exposed outside the plant, ≥ 0, required
 * @param inventory at least one line
 */
public record NewMajorHazardSource(
        @Nullable String name,
        @Nullable UnitKind unitKind,
        @Nullable UUID organisationId,
        @Nullable Integer exposedPopulation,
        @Nullable List<InventoryLine> inventory) {}
