package cn.yingji.directory;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/**
 * Identifier of an organisation (department, enterprise, rescue organisation).
 *
 * @param value the UUID (serialised to JSON as the plain UUID string)
 */
public record OrganisationId(@JsonValue UUID value) implements java.io.Serializable {

    public OrganisationId {
        java.util.Objects.requireNonNull(value, "value");
    }

    /** A new random id. */
    public static OrganisationId random() {
        return new OrganisationId(UUID.randomUUID());
    }

    /**
     * Parses the textual UUID form.
     *
     * @throws IllegalArgumentException when {@code text} is not a UUID
     */
    public static OrganisationId of(String text) {
        return new OrganisationId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
