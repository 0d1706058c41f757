package cn.yingji.risk;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/**
 * Identifier of a major hazard source (重大危险源) or candidate unit.
 *
 * @param value the UUID (serialised to JSON as the plain UUID string)
 */
public record MajorHazardSourceId(@JsonValue UUID value) implements java.io.Serializable {

    public MajorHazardSourceId {
        java.util.Objects.requireNonNull(value, "value");
    }

    /** A new random id. */
    public static MajorHazardSourceId random() {
        return new MajorHazardSourceId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
