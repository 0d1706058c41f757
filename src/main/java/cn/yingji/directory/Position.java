package cn.yingji.directory;

import org.jspecify.annotations.Nullable;

/**
 * A position (岗位) as read from the directory.
 *
 * @param id identifier
 * @param name display name
 * @param kind kind code, e.g. {@code FLOOD_CHIEF}
 * @param divisionPath division the position is responsible for (scopes who may see it)
 * @param organisation organisation it belongs to, if any
 * @param deputy position that deputises for this one, if any
 * @param version optimistic-lock version; pass it back when updating
 */
public record Position(
        PositionId id,
        String name,
        String kind,
        String divisionPath,
        @Nullable OrganisationId organisation,
        @Nullable PositionId deputy,
        int version) {}
