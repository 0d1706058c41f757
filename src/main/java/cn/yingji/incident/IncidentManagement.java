package cn.yingji.incident;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Writes on events. Every method runs in one transaction together with its audit entry, its timeline entries and the
 * events it publishes; on any error nothing is changed. Writers need an operational role ({@code DUTY_OFFICER},
 * {@code COMMANDER}, {@code DISTRICT_OFFICER} or {@code TOWNSHIP_OFFICER}; otherwise 403) and a capture scope covering
 * the event's location (an invisible event answers 404).
 */
public interface IncidentManagement {

    /**
     * Records a new event (接报): locates the point, grades it, starts its reporting clocks.
     *
     * @param command the event
     * @param idempotencyKey client key: a repeat with the same key by the same user returns the first event and
     *     changes nothing; null for none
     * @return the event and whether this call was a replay
     * @throws cn.yingji.shared.InvalidInputException for an unknown type, a point outside the city, a time in the
     *     future, negative casualties …
     * @throws cn.yingji.shared.ConflictException when the key was used with a different event
     */
    IntakeResult report(NewIncident command, @Nullable String idempotencyKey);

    /**
     * Replaces the casualty and loss figures; inside the window of Decree 493 Art. 13 this re-grades the event and
     * records why, after it the figures are recorded but the grade stays.
     */
    CasualtyUpdateResult updateCasualties(IncidentId id, CasualtyUpdate update);

    /**
     * Files a report; it must carry all six contents of Decree 493 Art. 12. Meets the matching open obligations and
     * starts the clocks of the levels it reaches.
     */
    Report fileReport(IncidentId id, NewReport report);

    /** Records a leader's instruction. */
    Instruction addInstruction(IncidentId id, NewInstruction instruction);

    /**
     * Acknowledges (签收) an instruction. When it names an addressed user, only that user may acknowledge.
     *
     * @throws cn.yingji.shared.ConflictException when already acknowledged
     */
    Instruction acknowledge(IncidentId id, UUID instructionId);

    /** Adds a follow-up note to an instruction. */
    Instruction addNote(IncidentId id, UUID instructionId, String text);

    /**
     * Attaches a photo or file (stored in PostgreSQL).
     *
     * @throws cn.yingji.shared.InvalidInputException for a disallowed type, an empty or too large file, or too many
     *     files
     */
    Attachment attach(IncidentId id, String filename, @Nullable String contentType, byte[] content);

    /** Moves the event to another state (verify, close, reopen). */
    Incident changeState(IncidentId id, IncidentState state);

    /**
     * Flags every open obligation whose due time is before {@code now} as overdue and publishes {@link
     * ReportingOverdue} for each, once. Runs as the system (the scheduled job calls it every 30 s).
     *
     * @return number of obligations flagged
     */
    int flagOverdue(Instant now);

    /**
     * Appends an entry written by another module (command, resource …) to the event's time axis, inside the caller's
     * transaction (there must be one). The caller has already checked the user's rights on the event.
     *
     * @param id the event
     * @param kind {@code <module>.<KIND>}, e.g. {@code command.RESPONSE}; rendered with the message key {@code
     *     <module>.timeline.<KIND>} of that module's bundle
     * @param actor username or {@code system}
     * @param args message arguments
     * @param refId id of the related row in the calling module, if any
     * @throws cn.yingji.shared.NotFoundException when the event does not exist
     */
    void appendTimeline(IncidentId id, String kind, String actor, java.util.List<String> args, @Nullable String refId);

    /**
     * Result of an intake.
     *
     * @param incident the event
     * @param replayed true when an earlier call with the same idempotency key created it
     */
    record IntakeResult(Incident incident, boolean replayed) {}
}
