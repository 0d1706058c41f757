package cn.yingji.directory;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/**
 * Identifier of a handover note (交接班记录) written on a shift.
 *
 * @param value the UUID (serialised to JSON as the plain UUID string)
 */
public record HandoverNoteId(@JsonValue UUID value) implements java.io.Serializable {

    public HandoverNoteId {
        java.util.Objects.requireNonNull(value, "value");
    }

    /** A new random id. */
    public static HandoverNoteId random() {
        return new HandoverNoteId(UUID.randomUUID());
    }

    /**
     * Parses the textual UUID form.
     *
     * @throws IllegalArgumentException when {@code text} is not a UUID
     */
    public static HandoverNoteId of(String text) {
        return new HandoverNoteId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
