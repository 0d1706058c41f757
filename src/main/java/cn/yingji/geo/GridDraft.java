package cn.yingji.geo;

import org.locationtech.jts.geom.Geometry;

/**
 * A grid to create or update in a bulk load.
 *
 * @param code grid code: the village code followed by a three-digit serial (15 digits)
 * @param name display name
 * @param village the village or community it belongs to (must exist)
 * @param geometry polygon in WGS-84 lon/lat
 */
public record GridDraft(String code, String name, DivisionCode village, Geometry geometry) {}
