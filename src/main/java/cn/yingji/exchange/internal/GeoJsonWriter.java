package cn.yingji.exchange.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes point features as an RFC 7946 FeatureCollection: {@code [lon, lat]} in WGS 84, six decimals, no {@code crs}
 * member, string ids, and a {@code bbox} when there are features.
 */
final class GeoJsonWriter {

    private GeoJsonWriter() {}

    record Feature(
            String id, @Nullable Double lon, @Nullable Double lat, Map<?, ?> properties) {}

    static String write(JsonMapper json, List<Feature> features) {
        List<Map<String, Object>> out = new ArrayList<>();
        double w = 180, s = 90, e = -180, n = -90;
        for (Feature f : features) {
            if (f.lon() == null || f.lat() == null) {
                continue;
            }
            Map<String, Object> geometry = new LinkedHashMap<>();
            geometry.put("type", "Point");
            geometry.put("coordinates", List.of(round(f.lon()), round(f.lat())));
            Map<String, Object> feature = new LinkedHashMap<>();
            feature.put("type", "Feature");
            feature.put("id", f.id());
            feature.put("geometry", geometry);
            feature.put("properties", f.properties());
            out.add(feature);
            w = Math.min(w, f.lon());
            e = Math.max(e, f.lon());
            s = Math.min(s, f.lat());
            n = Math.max(n, f.lat());
        }
        Map<String, Object> fc = new LinkedHashMap<>();
        fc.put("type", "FeatureCollection");
        if (!out.isEmpty()) {
            fc.put("bbox", List.of(round(w), round(s), round(e), round(n)));
        }
        fc.put("features", out);
        return json.writeValueAsString(fc);
    }

    private static BigDecimal round(double v) {
        return BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
    }
}
