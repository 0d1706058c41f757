package cn.yingji.geo.internal;

import cn.yingji.geo.DivisionCode;
import cn.yingji.geo.DivisionDraft;
import cn.yingji.geo.DivisionLevel;
import cn.yingji.geo.GridDraft;
import cn.yingji.shared.DomainException.FieldError;
import cn.yingji.shared.InvalidInputException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GeoJSON FeatureCollection import (all or nothing, with a report of every bad feature) and RFC 7946 export of
 * divisions and grids.
 */
@Service
class GeoFeatures {

    private static final Pattern DRAFT_FIELD = Pattern.compile("drafts\\[(\\d+)]");
    static final double MAX_SIMPLIFY = 0.1;

    private final DefaultGeoAdministration admin;
    private final JdbcGeoStore store;
    private final JsonMapper json;
    private final long maxBytes;
    private final int maxFeatures;

    GeoFeatures(
            DefaultGeoAdministration admin,
            JdbcGeoStore store,
            JsonMapper json,
            @Value("${yingji.geo.import.max-bytes:52428800}") long maxBytes,
            @Value("${yingji.geo.import.max-features:20000}") int maxFeatures) {
        this.admin = admin;
        this.store = store;
        this.json = json;
        this.maxBytes = maxBytes;
        this.maxFeatures = maxFeatures;
    }

    /** What an import did. */
    record ImportResult(int features, int changed) {}

    /** Which kind of feature collection is imported. */
    enum Kind {
        DIVISIONS,
        GRIDS;

        static Kind parse(@Nullable String s) {
            if (s == null) {
                return DIVISIONS;
            }
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.field("kind", "geo.import.kind");
            }
        }
    }

    // ---- import ------------------------------------------------------------------------------------------------

    ImportResult importFeatures(Kind kind, InputStream in) {
        List<JsonNode> features = readCollection(in);
        List<FieldError> errors = new ArrayList<>();
        List<Integer> featureOf = new ArrayList<>();
        int changed;
        if (kind == Kind.DIVISIONS) {
            List<DivisionDraft> drafts = new ArrayList<>();
            for (int i = 0; i < features.size(); i++) {
                DivisionDraft d = divisionDraft(features.get(i), i, errors);
                if (d != null) {
                    drafts.add(d);
                    featureOf.add(i);
                }
            }
            if (!errors.isEmpty()) {
                errors.addAll(remap(admin.checkDivisions(drafts), featureOf));
                throw rejected(errors);
            }
            try {
                changed = admin.upsertDivisions(drafts);
            } catch (InvalidInputException e) {
                throw rejected(remap(e.fieldErrors(), featureOf));
            }
        } else {
            List<GridDraft> drafts = new ArrayList<>();
            for (int i = 0; i < features.size(); i++) {
                GridDraft g = gridDraft(features.get(i), i, errors);
                if (g != null) {
                    drafts.add(g);
                    featureOf.add(i);
                }
            }
            if (!errors.isEmpty()) {
                errors.addAll(remap(admin.checkGrids(drafts), featureOf));
                throw rejected(errors);
            }
            try {
                changed = admin.upsertGrids(drafts);
            } catch (InvalidInputException e) {
                throw rejected(remap(e.fieldErrors(), featureOf));
            }
        }
        return new ImportResult(features.size(), changed);
    }

    private List<JsonNode> readCollection(InputStream in) {
        JsonNode root;
        try {
            root = json.readTree(new Capped(in, maxBytes));
        } catch (JacksonException e) {
            if (e.getCause() instanceof TooLarge) {
                throw new InvalidInputException("geo.import.tooLarge", maxBytes / (1024 * 1024));
            }
            throw new InvalidInputException("geo.import.unreadable");
        }
        if (root == null
                || !root.isObject()
                || !"FeatureCollection".equals(text(root.get("type")))
                || root.get("features") == null
                || !root.get("features").isArray()) {
            throw new InvalidInputException("geo.import.notCollection");
        }
        JsonNode arr = root.get("features");
        if (arr.size() == 0) {
            throw new InvalidInputException("geo.import.empty");
        }
        if (arr.size() > maxFeatures) {
            throw new InvalidInputException("geo.import.tooMany", maxFeatures);
        }
        List<JsonNode> out = new ArrayList<>(arr.size());
        for (int i = 0; i < arr.size(); i++) {
            out.add(arr.get(i));
        }
        return out;
    }

    private static @Nullable DivisionDraft divisionDraft(JsonNode f, int i, List<FieldError> errors) {
        JsonNode props = properties(f, i, errors);
        if (props == null) {
            return null;
        }
        int before = errors.size();
        DivisionCode code = divisionCode(text(props.get("code")), i, errors);
        String name = text(props.get("name"));
        if (name == null || name.isBlank()) {
            errors.add(row(i, "geo.import.propertyMissing", "name"));
        }
        DivisionLevel level = null;
        String levelText = text(props.get("level"));
        if (levelText == null) {
            errors.add(row(i, "geo.import.propertyMissing", "level"));
        } else {
            try {
                level = DivisionLevel.valueOf(levelText.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(row(i, "geo.error.level"));
            }
        }
        String parentText = text(props.get("parent_code"));
        DivisionCode parent = parentText == null || parentText.isBlank() ? null : divisionCode(parentText, i, errors);
        Geometry geometry = null;
        JsonNode g = f.get("geometry");
        if (g != null && !g.isNull()) {
            geometry = geometry(g, i, errors);
        }
        return errors.size() > before ? null : new DivisionDraft(code, name, level, parent, geometry);
    }

    private static @Nullable GridDraft gridDraft(JsonNode f, int i, List<FieldError> errors) {
        JsonNode props = properties(f, i, errors);
        if (props == null) {
            return null;
        }
        int before = errors.size();
        String code = text(props.get("code"));
        if (code == null || code.isBlank()) {
            errors.add(row(i, "geo.import.propertyMissing", "code"));
        }
        String name = text(props.get("name"));
        if (name == null || name.isBlank()) {
            errors.add(row(i, "geo.import.propertyMissing", "name"));
        }
        DivisionCode village = divisionCode(text(props.get("village_code")), i, errors);
        JsonNode g = f.get("geometry");
        Geometry geometry = null;
        if (g == null || g.isNull()) {
            errors.add(row(i, "geo.error.geometryMissing"));
        } else {
            geometry = geometry(g, i, errors);
        }
        return errors.size() > before ? null : new GridDraft(code.trim(), name, village, geometry);
    }

    private static @Nullable JsonNode properties(JsonNode f, int i, List<FieldError> errors) {
        if (f == null || !f.isObject() || !"Feature".equals(text(f.get("type")))) {
            errors.add(row(i, "geo.import.notFeature"));
            return null;
        }
        JsonNode props = f.get("properties");
        if (props == null || !props.isObject()) {
            errors.add(row(i, "geo.import.propertiesMissing"));
            return null;
        }
        return props;
    }

    private static @Nullable DivisionCode divisionCode(@Nullable String s, int i, List<FieldError> errors) {
        if (s == null || !s.trim().matches("\\d{12}")) {
            errors.add(row(i, "geo.error.divisionCode", s == null ? "" : s));
            return null;
        }
        return DivisionCode.of(s);
    }

    private static @Nullable Geometry geometry(JsonNode g, int i, List<FieldError> errors) {
        try {
            Geometry geometry = GeoJson.read(g);
            if (geometry.getDimension() != 2) {
                errors.add(row(i, "geo.error.geometryType", geometry.getGeometryType()));
                return null;
            }
            return geometry;
        } catch (GeoJson.Invalid e) {
            errors.add(row(i, e.key(), e.args()));
            return null;
        }
    }

    private static @Nullable String text(@Nullable JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        return n.isString() ? n.asString() : n.isNumber() ? n.asString() : null;
    }

    private static FieldError row(int i, String key, Object... args) {
        return new FieldError("features[" + i + "]", key, args);
    }

    private static List<FieldError> remap(List<FieldError> draftErrors, List<Integer> featureOf) {
        List<FieldError> out = new ArrayList<>(draftErrors.size());
        for (FieldError e : draftErrors) {
            Matcher m = DRAFT_FIELD.matcher(e.field());
            String field = m.matches() ? "features[" + featureOf.get(Integer.parseInt(m.group(1))) + "]" : e.field();
            out.add(new FieldError(field, e.messageKey(), e.args()));
        }
        return out;
    }

    private static InvalidInputException rejected(List<FieldError> errors) {
        List<FieldError> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.comparingInt(GeoFeatures::index));
        return new InvalidInputException("geo.import.rejected", sorted);
    }

    static int index(FieldError e) {
        String f = e.field();
        int open = f.indexOf('[');
        int close = f.indexOf(']');
        if (open < 0 || close < open) {
            return -1;
        }
        try {
            return Integer.parseInt(f.substring(open + 1, close));
        } catch (NumberFormatException ex) {
            return -1;
        }
    }

    // ---- export ------------------------------------------------------------------------------------------------

    void exportDivisions(
            List<String> viewPatterns,
            @Nullable DivisionLevel level,
            @Nullable String parent,
            double simplify,
            OutputStream out) {
        try (JsonGenerator gen = json.createGenerator(out)) {
            start(gen);
            store.exportDivisions(viewPatterns, level, parent, f -> {
                var d = f.division();
                gen.writeStartObject();
                gen.writeStringProperty("type", "Feature");
                gen.writeStringProperty("id", d.code().value());
                gen.writeName("geometry");
                writeGeometry(f.geometry(), simplify, gen);
                gen.writeName("properties");
                gen.writeStartObject();
                gen.writeStringProperty("code", d.code().value());
                gen.writeStringProperty("name", d.name());
                gen.writeStringProperty("level", d.level().name());
                gen.writeStringProperty(
                        "parent_code", d.parent() == null ? null : d.parent().value());
                gen.writeStringProperty("path", d.path());
                gen.writeEndObject();
                gen.writeEndObject();
            });
            end(gen);
        }
    }

    void exportGrids(List<String> viewPatterns, @Nullable String underPath, double simplify, OutputStream out) {
        try (JsonGenerator gen = json.createGenerator(out)) {
            start(gen);
            store.exportGrids(viewPatterns, underPath, row -> {
                var g = row.grid();
                gen.writeStartObject();
                gen.writeStringProperty("type", "Feature");
                gen.writeStringProperty("id", g.code());
                gen.writeName("geometry");
                writeGeometry(row.geometry(), simplify, gen);
                gen.writeName("properties");
                gen.writeStartObject();
                gen.writeStringProperty("code", g.code());
                gen.writeStringProperty("name", g.name());
                gen.writeStringProperty("village_code", g.village().value());
                gen.writeStringProperty("path", g.path());
                gen.writeEndObject();
                gen.writeEndObject();
            });
            end(gen);
        }
    }

    private static void start(JsonGenerator gen) {
        gen.writeStartObject();
        gen.writeStringProperty("type", "FeatureCollection");
        gen.writeName("features");
        gen.writeStartArray();
    }

    private static void end(JsonGenerator gen) {
        gen.writeEndArray();
        gen.writeEndObject();
    }

    private static void writeGeometry(@Nullable Geometry g, double simplify, JsonGenerator gen) {
        if (g == null) {
            gen.writeNull();
            return;
        }
        Geometry out = simplify > 0 ? TopologyPreservingSimplifier.simplify(g, simplify) : g;
        if (out.isEmpty()) {
            out = g;
        }
        GeoJson.write(out, gen);
    }

    /** Validates the {@code simplify} tolerance in degrees. */
    static double simplify(@Nullable Double tolerance) {
        if (tolerance == null) {
            return 0;
        }
        if (!Double.isFinite(tolerance) || tolerance < 0 || tolerance > MAX_SIMPLIFY) {
            throw InvalidInputException.field("simplify", "geo.error.simplify");
        }
        return tolerance;
    }

    private static final class TooLarge extends IOException {
        TooLarge() {
            super("upload too large");
        }
    }

    /** Fails the read once more than {@code max} bytes have come through. */
    private static final class Capped extends FilterInputStream {
        private final long max;
        private long count;

        Capped(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            count += n;
            if (count > max) {
                throw new TooLarge();
            }
        }
    }
}
