package cn.yingji.directory;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Writes to the directory. Every method runs in one transaction, is audited (with before and after state) in that
 * transaction, and checks that the signed-in user may capture at the row's division path: a row the user cannot
 * see answers {@link cn.yingji.shared.NotFoundException}, a visible but not capturable one an access-denied error.
 * When nobody is signed in the system is acting (loaders) and may write anywhere.
 *
 * <p>Common failures: {@link cn.yingji.shared.InvalidInputException} with field errors for bad input (nothing is
 * written); {@link cn.yingji.shared.ConflictException} for a stale {@code expectedVersion}, a duplicate credit
 * code or a taken caller-chosen id.
 */
public interface DirectoryManagement {

    /** Creates an organisation with a new random id. */
    OrganisationId createOrganisation(NewOrganisation organisation);

    /**
     * Creates an organisation with a caller-chosen id, for deterministic loaders.
     *
     * @throws cn.yingji.shared.ConflictException when the id is taken
     */
    OrganisationId createOrganisation(OrganisationId id, NewOrganisation organisation);

    /**
     * Replaces an organisation's data.
     *
     * @param expectedVersion the version the caller read; a different current version is a conflict
     * @return the organisation as stored, with its new version
     */
    Organisation updateOrganisation(OrganisationId id, int expectedVersion, NewOrganisation organisation);

    /** Creates a person with a new random id. */
    PersonId createPerson(NewPerson person);

    /**
     * Creates a person with a caller-chosen id, for deterministic loaders.
     *
     * @throws cn.yingji.shared.ConflictException when the id is taken
     */
    PersonId createPerson(PersonId id, NewPerson person);

    /**
     * Replaces a person's data including their contact channels.
     *
     * @param expectedVersion the version the caller read; a different current version is a conflict
     * @return the person as stored, with their new version
     */
    Person updatePerson(PersonId id, int expectedVersion, NewPerson person);

    /** Creates a (vacant) position with a new random id. */
    PositionId createPosition(NewPosition position);

    /**
     * Creates a (vacant) position with a caller-chosen id, for deterministic loaders.
     *
     * @throws cn.yingji.shared.ConflictException when the id is taken
     */
    PositionId createPosition(PositionId id, NewPosition position);

    /**
     * Replaces a position's data (not its holders).
     *
     * @param expectedVersion the version the caller read; a different current version is a conflict
     * @return the position as stored, with its new version
     */
    Position updatePosition(PositionId id, int expectedVersion, NewPosition position);

    /**
     * Makes a person the primary or acting holder of a position, ending any current holder of that kind at the
     * start of the new holding.
     */
    HoldingId assignHolder(AssignHolder assignment);

    /**
     * Ends the current holding of {@code kind} (the position becomes vacant for that kind).
     *
     * @param at when it ends; null means now
     * @throws cn.yingji.shared.ConflictException when there is no current holder of that kind
     */
    void vacate(PositionId position, HoldingKind kind, @Nullable Instant at);

    /** Puts a person on the duty roster. */
    ShiftId createShift(NewShift shift);

    /**
     * Puts a person on the duty roster with a caller-chosen shift id, for deterministic loaders.
     *
     * @throws cn.yingji.shared.ConflictException when the id is taken
     */
    ShiftId createShift(ShiftId id, NewShift shift);

    /**
     * Removes a shift from the roster together with its handover notes.
     *
     * @param expectedVersion the version the caller read; a different current version is a conflict
     */
    void deleteShift(ShiftId id, int expectedVersion);

    /** Writes a handover note on a shift, signed by the current user. */
    HandoverNoteId addHandoverNote(NewHandoverNote note);
}
