package cn.yingji.risk;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/**
 * Identifier of a risk point (风险点).
 *
 * @param value the UUID (serialised to JSON as the plain UUID string)
 */
public record RiskPointId(@JsonValue UUID value) implements java.io.Serializable {

    public RiskPointId {
        java.util.Objects.requireNonNull(value, "value");
    }

    /** A new random id. */
    public static RiskPointId random() {
        return new RiskPointId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
