package cn.yingji.directory;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/**
 * Identifier of a position (岗位).
 *
 * @param value the UUID (serialised to JSON as the plain UUID string)
 */
public record PositionId(@JsonValue UUID value) implements java.io.Serializable {

    public PositionId {
        java.util.Objects.requireNonNull(value, "value");
    }

    /** A new random id. */
    public static PositionId random() {
        return new PositionId(UUID.randomUUID());
    }

    /**
     * Parses the textual UUID form.
     *
     * @throws IllegalArgumentException when {@code text} is not a UUID
     */
    public static PositionId of(String text) {
        return new PositionId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
