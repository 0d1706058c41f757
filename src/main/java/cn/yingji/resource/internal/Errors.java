package cn.yingji.resource.internal;

import cn.yingji.shared.DomainException.FieldError;
import cn.yingji.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Collects field errors so one answer lists everything wrong with the input (optionally per import row). */
final class Errors {

    /** Mainland China, Hainan and the South China Sea islands, as a bounding box. */
    static final double MIN_LON = 73.4;

    static final double MAX_LON = 135.1;
    static final double MIN_LAT = 3.8;
    static final double MAX_LAT = 53.6;

    private final List<FieldError> list = new ArrayList<>();
    private final String prefix;

    Errors() {
        this("");
    }

    Errors(String prefix) {
        this.prefix = prefix;
    }

    void add(String field, String key, Object... args) {
        list.add(new FieldError(prefix + field, key, args));
    }

    boolean has(String field) {
        return list.stream().anyMatch(e -> e.field().equals(prefix + field));
    }

    boolean any() {
        return !list.isEmpty();
    }

    List<FieldError> list() {
        return list;
    }

    @Nullable
    String text(String field, @Nullable String value, int max, boolean required) {
        String v = value == null ? null : value.strip();
        if (v == null || v.isEmpty()) {
            if (required) {
                add(field, "resource.error.required");
            }
            return null;
        }
        if (v.length() > max) {
            add(field, "resource.error.tooLong", max);
            return null;
        }
        return v;
    }

    int count(String field, @Nullable Integer value, boolean required) {
        if (value == null) {
            if (required) {
                add(field, "resource.error.required");
            }
            return 0;
        }
        if (value < 0) {
            add(field, "resource.error.negative");
            return 0;
        }
        return value;
    }

    /** Both coordinates required (or both optional) and inside China. */
    void coordinates(@Nullable Double lon, @Nullable Double lat, boolean required) {
        if (lon == null && lat == null) {
            if (required) {
                add("lon", "resource.error.required");
                add("lat", "resource.error.required");
            }
            return;
        }
        if (lon == null || lat == null) {
            add(lon == null ? "lon" : "lat", "resource.error.coordinatesPair");
            return;
        }
        if (lon.isNaN() || lon < MIN_LON || lon > MAX_LON || lat.isNaN() || lat < MIN_LAT || lat > MAX_LAT) {
            add("lon", "resource.error.outsideChina");
        }
    }

    void throwIfAny() {
        if (!list.isEmpty()) {
            throw new InvalidInputException("error.validation", list);
        }
    }
}
