package cn.yingji.directory;

import java.util.UUID;

/**
 * Identifier of a handover note (交接班记录) written on a shift.
 *
 * @param value the UUID
 */
public record HandoverNoteId(UUID value) implements java.io.Serializable {

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
