package cn.yingji.hazard;

import cn.yingji.shared.Uuids;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/**
 * Identifier of a hidden hazard.
 *
 * @param value the UUID (serialised to JSON as the plain UUID string)
 */
public record HazardId(@JsonValue UUID value) implements java.io.Serializable {

    public HazardId {
        java.util.Objects.requireNonNull(value, "value");
    }

    /** A fresh random identifier. */
    public static HazardId random() {
        return new HazardId(Uuids.timeOrdered());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
