package cn.yingji.risk.internal;

import cn.yingji.shared.DomainException.FieldError;
import cn.yingji.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Collects field errors so one answer lists everything wrong with the input. */
final class Errors {

    private final List<FieldError> list = new ArrayList<>();

    void add(String field, String key, Object... args) {
        list.add(new FieldError(field, key, args));
    }

    boolean has(String field) {
        return list.stream().anyMatch(e -> e.field().equals(field));
    }

    boolean any() {
        return !list.isEmpty();
    }

    @Nullable
    String text(String field, @Nullable String value, int max, boolean required) {
        String v = value == null ? null : value.strip();
        if (v == null || v.isEmpty()) {
            if (required) {
                add(field, "risk.error.required");
            }
            return null;
        }
        if (v.length() > max) {
            add(field, "risk.error.tooLong", max);
            return null;
        }
        return v;
    }

    void coordinates(@Nullable Double lon, @Nullable Double lat) {
        if ((lon == null) != (lat == null)) {
            add(lon == null ? "lon" : "lat", "risk.error.coordinatesPair");
            return;
        }
        if (lon != null && (lon.isNaN() || lon < -180 || lon > 180)) {
            add("lon", "risk.error.lon");
        }
        if (lat != null && (lat.isNaN() || lat < -90 || lat > 90)) {
            add("lat", "risk.error.lat");
        }
    }

    void throwIfAny() {
        if (!list.isEmpty()) {
            throw new InvalidInputException("error.validation", list);
        }
    }
}
