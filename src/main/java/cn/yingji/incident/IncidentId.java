package cn.yingji.incident;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/**
 * Identifier of an event (突发事件/事故).
 *
 * @param value the UUID (serialised to JSON as the plain UUID string)
 */
public record IncidentId(@JsonValue UUID value) implements java.io.Serializable {

    public static IncidentId of(String text) {
        return new IncidentId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
