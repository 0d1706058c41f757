package cn.yingji.resource;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/**
 * Identifier of a rescue team.
 *
 * @param value the UUID (serialised to JSON as the plain UUID string)
 */
public record TeamId(@JsonValue UUID value) implements java.io.Serializable {

    /** A new random identifier. */
    public static TeamId random() {
        return new TeamId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
