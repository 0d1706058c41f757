package cn.yingji.directory;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/**
 * Identifier of a duty-roster shift.
 *
 * @param value the UUID (serialised to JSON as the plain UUID string)
 */
public record ShiftId(@JsonValue UUID value) implements java.io.Serializable {

    public ShiftId {
        java.util.Objects.requireNonNull(value, "value");
    }

    /** A new random id. */
    public static ShiftId random() {
        return new ShiftId(UUID.randomUUID());
    }

    /**
     * Parses the textual UUID form.
     *
     * @throws IllegalArgumentException when {@code text} is not a UUID
     */
    public static ShiftId of(String text) {
        return new ShiftId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
