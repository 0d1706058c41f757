package cn.yingji.directory;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/**
 * Identifier of a person in the directory.
 *
 * @param value the UUID (serialised to JSON as the plain UUID string)
 */
public record PersonId(@JsonValue UUID value) implements java.io.Serializable {

    public PersonId {
        java.util.Objects.requireNonNull(value, "value");
    }

    /** A new random id. */
    public static PersonId random() {
        return new PersonId(UUID.randomUUID());
    }

    /**
     * Parses the textual UUID form.
     *
     * @throws IllegalArgumentException when {@code text} is not a UUID
     */
    public static PersonId of(String text) {
        return new PersonId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
