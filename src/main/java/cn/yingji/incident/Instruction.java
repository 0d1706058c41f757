package cn.yingji.incident;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A leader's instruction with its acknowledgement (签收) and follow-up notes.
 *
 * @param id identifier
 * @param incidentId the event
 * @param authorName the leader
 * @param authorTitle title
 * @param text the instruction
 * @param issuedAt when it was given
 * @param addressee to whom
 * @param addresseeUser the addressed user's username, if any
 * @param acknowledgedAt when it was acknowledged
 * @param acknowledgedBy who acknowledged
 * @param recordedBy who recorded it
 * @param notes follow-up notes, oldest first
 */
public record Instruction(
        UUID id,
        IncidentId incidentId,
        String authorName,
        @Nullable String authorTitle,
        String text,
        Instant issuedAt,
        String addressee,
        @Nullable String addresseeUser,
        @Nullable Instant acknowledgedAt,
        @Nullable String acknowledgedBy,
        String recordedBy,
        List<Note> notes) {

    public Instruction {
        notes = List.copyOf(notes);
    }

    /**
     * A follow-up note.
     *
     * @param at when
     * @param author who
     * @param text what was done
     */
    public record Note(Instant at, String author, String text) {}
}
