package cn.yingji.directory;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/**
 * Identifier of one holding of a position by a person (current or historical).
 *
 * @param value the UUID (serialised to JSON as the plain UUID string)
 */
public record HoldingId(@JsonValue UUID value) implements java.io.Serializable {

    public HoldingId {
        java.util.Objects.requireNonNull(value, "value");
    }

    /** A new random id. */
    public static HoldingId random() {
        return new HoldingId(UUID.randomUUID());
    }

    /**
     * Parses the textual UUID form.
     *
     * @throws IllegalArgumentException when {@code text} is not a UUID
     */
    public static HoldingId of(String text) {
        return new HoldingId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
