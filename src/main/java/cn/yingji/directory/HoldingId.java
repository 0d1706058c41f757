package cn.yingji.directory;

import java.util.UUID;

/**
 * Identifier of one holding of a position by a person (current or historical).
 *
 * @param value the UUID
 */
public record HoldingId(UUID value) implements java.io.Serializable {

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
