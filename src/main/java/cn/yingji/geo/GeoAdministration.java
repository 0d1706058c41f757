package cn.yingji.geo;

import java.util.List;

/**
 * Bulk writes of the division tree and grids, for loaders (the demo city, data migrations). Each call is one
 * transaction: all rows are written or none; it is audited and keeps the spatial index in step.
 */
public interface GeoAdministration {

    /**
     * Inserts or updates divisions by code (idempotent), parents before children.
     *
     * @return number of rows inserted or changed
     * @throws cn.yingji.shared.InvalidInputException listing every bad draft (unknown parent, wrong level
     *     order, invalid geometry); nothing is written then
     */
    int upsertDivisions(List<DivisionDraft> drafts);

    /**
     * Inserts or updates grids by code (idempotent).
     *
     * @return number of rows inserted or changed
     * @throws cn.yingji.shared.InvalidInputException listing every bad draft; nothing is written then
     */
    int upsertGrids(List<GridDraft> drafts);
}
