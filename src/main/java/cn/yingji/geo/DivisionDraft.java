package cn.yingji.geo;

import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;

/**
 * A division to create or update in a bulk load.
 *
 * @param code statistical code
 * @param name official name
 * @param level hierarchy level
 * @param parent parent code (must exist or come earlier in the same batch); null only for the root city
 * @param geometry boundary in WGS-84 lon/lat (Polygon or MultiPolygon), or null when unknown
 */
public record DivisionDraft(
        DivisionCode code,
        String name,
        DivisionLevel level,
        @Nullable DivisionCode parent,
        @Nullable Geometry geometry) {}
