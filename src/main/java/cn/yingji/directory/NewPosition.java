package cn.yingji.directory;

import org.jspecify.annotations.Nullable;

/**
 * Command to create a position (岗位), or the complete new state when updating one. A position is bound to a
 * division, to an organisation, or both; positions survive staff turnover and may be vacant.
 *
 * @param name display name, e.g. 庐阳区防汛抗旱指挥部指挥长, 1–200 characters
 * @param kind kind code such as {@code FLOOD_CHIEF}, {@code TOWNSHIP_HEAD}, {@code GRID_WORKER}: upper-case
 *     letters, digits and '_', 2–64 characters; data, not a closed list (see {@link PositionKinds} for the
 *     well-known ones)
 * @param divisionPath the division the position is responsible for; when null, the organisation's path is used
 * @param organisation the organisation the position belongs to, if any
 * @param deputy the position that deputises for this one (e.g. the deputy chief), if any
 */
public record NewPosition(
        String name,
        String kind,
        @Nullable String divisionPath,
        @Nullable OrganisationId organisation,
        @Nullable PositionId deputy) {}
