package cn.yingji.demo.internal;

import cn.yingji.geo.DivisionDraft;
import cn.yingji.geo.GridDraft;
import java.util.List;

/**
 * The geometry part of the demo city, ready for {@code GeoAdministration}.
 *
 * @param divisions city, counties, townships and villages, parents before children
 * @param grids grids, ordered by code
 * @param skippedCounties county-level units of the source list left out (development zones without a boundary)
 */
record GeneratedCity(List<DivisionDraft> divisions, List<GridDraft> grids, List<String> skippedCounties) {

    GeneratedCity {
        divisions = List.copyOf(divisions);
        grids = List.copyOf(grids);
        skippedCounties = List.copyOf(skippedCounties);
    }
}
