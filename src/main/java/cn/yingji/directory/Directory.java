package cn.yingji.directory;

import cn.yingji.shared.PageQuery;
import cn.yingji.shared.PageResult;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Read access to organisations, persons, positions and the duty roster for other modules and the web layer.
 *
 * <p>Scoping: when a user is signed in, every method answers only rows inside the user's view jurisdiction (a
 * foreign row is reported as absent, and never counted). When nobody is signed in (start-up loaders, scheduled jobs,
 * event listeners such as the 叫应 engine) the system is acting and nothing is filtered.
 */
public interface Directory {

    /** The organisation with this id, if it exists and is visible. */
    Optional<Organisation> findOrganisation(OrganisationId id);

    /** The organisation with this unified social credit code (any case), if it exists and is visible. */
    Optional<Organisation> findOrganisationByCreditCode(String creditCode);

    /** One page of visible organisations matching the filter, ordered by name. */
    PageResult<Organisation> organisations(OrganisationFilter filter, PageQuery page);

    /** The person with this id, if they exist and are visible. */
    Optional<Person> findPerson(PersonId id);

    /** One page of visible persons matching the filter, ordered by name. */
    PageResult<Person> persons(PersonFilter filter, PageQuery page);

    /**
     * The person's contact channels ordered by preference (first = try first); empty when the person has none or
     * is not visible.
     */
    List<ContactChannel> contactChannels(PersonId person);

    /**
     * The contact channels of many persons at once (one query), each list ordered by preference. A person who has
     * none or is not visible is absent from the map.
     */
    java.util.Map<PersonId, List<ContactChannel>> contactChannels(java.util.Collection<PersonId> persons);

    /** The position with this id, if it exists and is visible. */
    Optional<Position> findPosition(PositionId id);

    /** One page of visible positions matching the filter, ordered by division path and name. */
    PageResult<Position> positions(PositionFilter filter, PageQuery page);

    /**
     * Positions of a kind bound to exactly this division (not its subtree), ordered by name. This is how the 叫应
     * chain finds "the flood chief of district Y".
     *
     * @param divisionPath the division's path
     * @param kind a kind code, e.g. {@link PositionKinds#FLOOD_CHIEF}
     */
    List<Position> positionsAt(String divisionPath, String kind);

    /**
     * Current holders of a position now: the primary holder first, then the acting one. Empty for a vacant or
     * invisible position.
     */
    List<Holding> currentHolders(PositionId position);

    /**
     * Current holders (primary first, then acting) of every position of {@code kind} bound to exactly this
     * division. Shorthand for {@link #positionsAt} followed by {@link #currentHolders}.
     */
    List<Holding> holdersAt(String divisionPath, String kind);

    /** Every holding of the position, newest first, including ended ones. */
    List<Holding> holdingHistory(PositionId position);

    /** Current holdings of a person (the positions they hold now). */
    List<Holding> holdingsOf(PersonId person);

    /** Kind codes in use plus the {@link PositionKinds#WELL_KNOWN} ones, well-known first, then alphabetical. */
    List<String> positionKinds();

    /** The shift with this id, if it exists and is visible. */
    Optional<Shift> findShift(ShiftId id);

    /**
     * Visible shifts overlapping {@code [from, to)}, ordered by start then role.
     *
     * @param division only shifts in this division's subtree; null for every visible shift
     */
    List<Shift> shifts(@Nullable String division, Instant from, Instant to);

    /**
     * Who is on duty now for exactly this division (leader on duty first, then duty officers, then standby).
     *
     * @param divisionPath the division's path
     */
    List<Shift> onDutyNow(String divisionPath);

    /** As {@link #onDutyNow} at another instant. */
    List<Shift> onDutyAt(String divisionPath, Instant at);

    /** Handover notes of a shift, oldest first; empty when the shift is not visible. */
    List<HandoverNote> handoverNotes(ShiftId shift);

    /**
     * Latest handover notes of shifts in a division's subtree, newest first.
     *
     * @param division a division path; null for every visible shift
     * @param limit at most this many (1–200)
     */
    List<HandoverNote> recentHandoverNotes(@Nullable String division, int limit);
}
