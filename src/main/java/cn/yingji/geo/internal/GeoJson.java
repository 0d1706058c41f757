package cn.yingji.geo.internal;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * A small RFC 7946 GeoJSON ↔ JTS converter for the geometry types the platform uses: Point, Polygon and
 * MultiPolygon. Positions are {@code [longitude, latitude]} in WGS-84; a third value (altitude) is ignored.
 * Written polygons follow the right-hand rule (outer rings counterclockwise, holes clockwise).
 */
final class GeoJson {

    /** WGS-84 (EPSG:4326) with floating precision. */
    static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

    private static final double ROUND = 1e7;

    private GeoJson() {}

    /** A geometry that could not be read; the key and arguments explain why, for a row error. */
    static final class Invalid extends RuntimeException {
        private final String key;
        private final transient Object[] args;

        Invalid(String key, Object... args) {
            super(key, null, false, false);
            this.key = key;
            this.args = args;
        }

        String key() {
            return key;
        }

        Object[] args() {
            return args.clone();
        }
    }

    /**
     * Reads a GeoJSON geometry object.
     *
     * @throws Invalid when the object is not a well-formed Point, Polygon or MultiPolygon
     */
    static Geometry read(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new Invalid("geo.error.geometryMissing");
        }
        JsonNode type = node.get("type");
        if (type == null || !type.isString()) {
            throw new Invalid("geo.error.geometryMissing");
        }
        JsonNode coords = node.get("coordinates");
        String t = type.asString();
        return switch (t) {
            case "Point" -> FACTORY.createPoint(position(coords));
            case "Polygon" -> polygon(coords);
            case "MultiPolygon" -> {
                List<JsonNode> parts = array(coords, "geo.error.coordinates");
                if (parts.isEmpty()) {
                    throw new Invalid("geo.error.coordinates");
                }
                Polygon[] polys = new Polygon[parts.size()];
                for (int i = 0; i < polys.length; i++) {
                    polys[i] = polygon(parts.get(i));
                }
                yield FACTORY.createMultiPolygon(polys);
            }
            default -> throw new Invalid("geo.error.geometryType", t);
        };
    }

    private static Polygon polygon(JsonNode coords) {
        List<JsonNode> rings = array(coords, "geo.error.coordinates");
        if (rings.isEmpty()) {
            throw new Invalid("geo.error.coordinates");
        }
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return FACTORY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode node) {
        List<JsonNode> positions = array(node, "geo.error.coordinates");
        if (positions.size() < 4) {
            throw new Invalid("geo.error.ringTooShort");
        }
        Coordinate[] cs = new Coordinate[positions.size()];
        for (int i = 0; i < cs.length; i++) {
            cs[i] = position(positions.get(i));
        }
        if (!cs[0].equals2D(cs[cs.length - 1])) {
            throw new Invalid("geo.error.ringNotClosed");
        }
        return FACTORY.createLinearRing(cs);
    }

    private static Coordinate position(JsonNode node) {
        List<JsonNode> xy = array(node, "geo.error.coordinates");
        if (xy.size() < 2 || !xy.get(0).isNumber() || !xy.get(1).isNumber()) {
            throw new Invalid("geo.error.coordinates");
        }
        double lon = xy.get(0).doubleValue();
        double lat = xy.get(1).doubleValue();
        if (!Double.isFinite(lon) || !Double.isFinite(lat) || lon < -180 || lon > 180 || lat < -90 || lat > 90) {
            throw new Invalid("geo.error.coordinateRange", lon, lat);
        }
        return new Coordinate(lon, lat);
    }

    private static List<JsonNode> array(JsonNode node, String key) {
        if (node == null || !node.isArray()) {
            throw new Invalid(key);
        }
        List<JsonNode> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            out.add(node.get(i));
        }
        return out;
    }

    /** Writes {@code g} as a GeoJSON geometry object (Point, Polygon or MultiPolygon) following the right-hand rule. */
    static void write(Geometry g, JsonGenerator out) {
        out.writeStartObject();
        if (g instanceof Point p) {
            out.writeStringProperty("type", "Point");
            out.writeName("coordinates");
            position(p.getCoordinate(), out);
        } else if (g instanceof Polygon p) {
            out.writeStringProperty("type", "Polygon");
            out.writeName("coordinates");
            polygon(p, out);
        } else if (g instanceof MultiPolygon mp) {
            out.writeStringProperty("type", "MultiPolygon");
            out.writeName("coordinates");
            out.writeStartArray();
            for (int i = 0; i < mp.getNumGeometries(); i++) {
                polygon((Polygon) mp.getGeometryN(i), out);
            }
            out.writeEndArray();
        } else {
            throw new IllegalArgumentException("unsupported geometry " + g.getGeometryType());
        }
        out.writeEndObject();
    }

    private static void polygon(Polygon p, JsonGenerator out) {
        out.writeStartArray();
        ring(p.getExteriorRing().getCoordinates(), true, out);
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            ring(p.getInteriorRingN(i).getCoordinates(), false, out);
        }
        out.writeEndArray();
    }

    private static void ring(Coordinate[] cs, boolean counterClockwise, JsonGenerator out) {
        boolean reverse = cs.length >= 4 && Orientation.isCCW(cs) != counterClockwise;
        out.writeStartArray();
        for (int i = 0; i < cs.length; i++) {
            position(cs[reverse ? cs.length - 1 - i : i], out);
        }
        out.writeEndArray();
    }

    private static void position(Coordinate c, JsonGenerator out) {
        out.writeStartArray();
        out.writeNumber(Math.round(c.x * ROUND) / ROUND);
        out.writeNumber(Math.round(c.y * ROUND) / ROUND);
        out.writeEndArray();
    }
}
