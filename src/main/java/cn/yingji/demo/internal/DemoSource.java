package cn.yingji.demo.internal;

import cn.yingji.geo.DivisionLevel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the two bundled data files: the real division list of 合肥市 and the approximate county boundaries. Both are
 * classpath resources, so the application never depends on files outside its jar.
 */
final class DemoSource {

    static final String DIVISIONS = "demo/divisions-hefei-2023.csv";
    static final String COUNTIES = "demo/hefei-counties.geojson";
    static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

    private DemoSource() {}

    /** The bundled division rows, in file order. */
    static List<SourceDivision> divisions() {
        try (InputStream in = open(DIVISIONS)) {
            return parseDivisions(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bundled county boundaries by county code, in file order. */
    static Map<String, Geometry> counties() {
        try (InputStream in = open(COUNTIES)) {
            return parseCounties(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<SourceDivision> parseDivisions(String csv) {
        List<SourceDivision> rows = new ArrayList<>(2000);
        String[] lines = csv.split("\r?\n");
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != 4) {
                throw new IllegalStateException("bad division row " + (i + 1) + ": " + line);
            }
            rows.add(new SourceDivision(
                    f[0].strip(), f[1].strip(), DivisionLevel.valueOf(f[2].strip()), f[3].isBlank() ? null : f[3]));
        }
        return rows;
    }

    static Map<String, Geometry> parseCounties(byte[] json) {
        JsonNode root = JsonMapper.builder().build().readTree(json);
        Map<String, Geometry> out = new LinkedHashMap<>();
        for (JsonNode feature : root.get("features")) {
            String code = feature.get("properties").get("code").asString();
            JsonNode geometry = feature.get("geometry");
            String type = geometry.get("type").asString();
            JsonNode coords = geometry.get("coordinates");
            Geometry g;
            if ("Polygon".equals(type)) {
                g = polygon(coords);
            } else if ("MultiPolygon".equals(type)) {
                Polygon[] parts = new Polygon[coords.size()];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = polygon(coords.get(i));
                }
                g = FACTORY.createMultiPolygon(parts);
            } else {
                throw new IllegalStateException("unexpected geometry type " + type + " for " + code);
            }
            out.put(code, g);
        }
        return out;
    }

    private static Polygon polygon(JsonNode rings) {
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return FACTORY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode positions) {
        List<Coordinate> cs = new ArrayList<>(positions.size());
        for (JsonNode p : positions) {
            Coordinate c = new Coordinate(p.get(0).asDouble(), p.get(1).asDouble());
            // The source repeats points; consecutive duplicates add nothing.
            if (cs.isEmpty() || !cs.get(cs.size() - 1).equals2D(c)) {
                cs.add(c);
            }
        }
        if (!cs.get(0).equals2D(cs.get(cs.size() - 1))) {
            cs.add(cs.get(0).copy());
        }
        return FACTORY.createLinearRing(cs.toArray(Coordinate[]::new));
    }

    private static InputStream open(String resource) {
        InputStream in = DemoSource.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing classpath resource " + resource);
        }
        return in;
    }
}
