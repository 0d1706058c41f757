package cn.yingji.geo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GeoJsonTests {

    private final JsonMapper json = JsonMapper.builder().build();

    private Geometry read(String text) {
        return GeoJson.read(json.readTree(text));
    }

    private String write(Geometry g) {
        StringWriter w = new StringWriter();
        try (JsonGenerator gen = json.createGenerator(w)) {
            GeoJson.write(g, gen);
        }
        return w.toString();
    }

    @Test
    void readsPointAsLonLat() {
        Point p = (Point) read("{\"type\":\"Point\",\"coordinates\":[117.25,31.8,12.5]}");
        assertThat(p.getX()).isEqualTo(117.25);
        assertThat(p.getY()).isEqualTo(31.8);
        assertThat(p.getSRID()).isEqualTo(4326);
    }

    @Test
    void readsPolygonWithHole() {
        Polygon p = (Polygon) read("""
                {"type":"Polygon","coordinates":[
                  [[117,31],[118,31],[118,32],[117,32],[117,31]],
                  [[117.2,31.2],[117.2,31.4],[117.4,31.4],[117.4,31.2],[117.2,31.2]]]}""");
        assertThat(p.getNumInteriorRing()).isEqualTo(1);
        assertThat(p.isValid()).isTrue();
        assertThat(p.getExteriorRing().getCoordinateN(1)).isEqualTo(new Coordinate(118, 31));
    }

    @Test
    void readsMultiPolygon() {
        MultiPolygon mp = (MultiPolygon) read("""
                {"type":"MultiPolygon","coordinates":[
                  [[[0,0],[1,0],[1,1],[0,0]]],
                  [[[2,2],[3,2],[3,3],[2,2]]]]}""");
        assertThat(mp.getNumGeometries()).isEqualTo(2);
    }

    @Test
    void rejectsOtherTypesAndBrokenCoordinates() {
        assertInvalid("{\"type\":\"LineString\",\"coordinates\":[[0,0],[1,1]]}", "geo.error.geometryType");
        assertInvalid("{\"type\":\"GeometryCollection\",\"geometries\":[]}", "geo.error.geometryType");
        assertInvalid("{\"coordinates\":[0,0]}", "geo.error.geometryMissing");
        assertInvalid("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1]]]}", "geo.error.ringNotClosed");
        assertInvalid("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[0,0]]]}", "geo.error.ringTooShort");
        assertInvalid("{\"type\":\"Polygon\",\"coordinates\":[]}", "geo.error.coordinates");
        assertInvalid("{\"type\":\"Point\",\"coordinates\":[\"117\",\"31\"]}", "geo.error.coordinates");
        // latitude first by mistake: 117 is not a latitude
        assertInvalid("{\"type\":\"Point\",\"coordinates\":[31.8,117.2]}", "geo.error.coordinateRange");
        assertInvalid("{\"type\":\"Point\",\"coordinates\":[181,0]}", "geo.error.coordinateRange");
    }

    private void assertInvalid(String text, String key) {
        assertThatThrownBy(() -> read(text))
                .isInstanceOfSatisfying(
                        GeoJson.Invalid.class, e -> assertThat(e.key()).isEqualTo(key));
    }

    @Test
    void writesRightHandRuleAndRoundTrips() {
        // Clockwise shell and counterclockwise hole on input …
        Polygon cw = (Polygon) read("""
                {"type":"Polygon","coordinates":[
                  [[117,31],[117,32],[118,32],[118,31],[117,31]],
                  [[117.2,31.2],[117.4,31.2],[117.4,31.4],[117.2,31.4],[117.2,31.2]]]}""");
        String out = write(cw);
        JsonNode node = json.readTree(out);
        assertThat(node.get("type").asString()).isEqualTo("Polygon");
        // … come out as a counterclockwise shell and a clockwise hole, still lon first.
        Polygon back = (Polygon) GeoJson.read(node);
        assertThat(Orientation.isCCW(back.getExteriorRing().getCoordinates())).isTrue();
        assertThat(Orientation.isCCW(back.getInteriorRingN(0).getCoordinates())).isFalse();
        assertThat(node.get("coordinates").get(0).get(0).get(0).doubleValue()).isEqualTo(117.0);
        assertThat(node.get("coordinates").get(0).get(0).get(1).doubleValue()).isEqualTo(31.0);
        assertThat(back.equalsTopo(cw)).isTrue();
    }

    @Test
    void writesPointAndMultiPolygon() {
        assertThat(write(GeoJson.FACTORY.createPoint(new Coordinate(117.123456789, 31.5))))
                .isEqualTo("{\"type\":\"Point\",\"coordinates\":[117.1234568,31.5]}");
        Geometry mp = read("""
                {"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]],[[[2,2],[3,2],[3,3],[2,2]]]]}""");
        assertThat(read(write(mp)).equalsTopo(mp)).isTrue();
    }
}
