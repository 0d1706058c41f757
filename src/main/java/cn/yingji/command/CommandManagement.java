package cn.yingji.command;

import cn.yingji.incident.IncidentId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Writes of the command system. Each call runs in one transaction with its audit entry, its timeline entries on
 * the event and the events it publishes; on error nothing changes. A foreign event answers 404.
 */
public interface CommandManagement {

    /**
     * Activates a response (启动响应). Only the configured commander roles (default {@code COMMANDER}) with capture
     * scope over the event may; creates the plan checklist's tasks of that level.
     *
     * @param plan plan to activate under, or null for a response without plan
     * @throws cn.yingji.shared.ForbiddenException when the caller may not activate responses
     * @throws cn.yingji.shared.ConflictException when a response is already running or the event is closed
     * @throws cn.yingji.shared.InvalidInputException for a missing reason, or a plan that does not apply or does not
     *     define the level
     */
    Response activate(IncidentId incident, @Nullable PlanId plan, ResponseLevel level, String reason);

    /**
     * Raises or lowers the running response to {@code level}; raising creates the checklist tasks of the new level
     * that the response does not have yet.
     */
    Response adjust(IncidentId incident, ResponseLevel level, String reason);

    /** Ends the running response (终止响应). */
    Response end(IncidentId incident, String reason);

    /**
     * Stands up the headquarters, or changes its name, command post and on-scene commander. The lead level follows
     * the event's grade and is kept in step when the grade changes.
     */
    Headquarters establish(IncidentId incident, HeadquartersDraft draft);

    /**
     * Details of a headquarters.
     *
     * @param name name (default: derived from the event)
     * @param postAddress command post address
     * @param postLon command post longitude
     * @param postLat command post latitude
     * @param onSceneCommander professional on-scene commander
     * @param onSceneTeam their team
     */
    record HeadquartersDraft(
            @Nullable String name,
            @Nullable String postAddress,
            @Nullable Double postLon,
            @Nullable Double postLat,
            @Nullable String onSceneCommander,
            @Nullable String onSceneTeam) {}

    /**
     * Adds a person to the headquarters.
     *
     * @throws cn.yingji.shared.InvalidInputException when no name, a group for commander/deputy or none for group
     *     roles, or an unknown account
     * @throws cn.yingji.shared.ConflictException when there is already a commander, or no headquarters yet
     */
    Headquarters addMember(IncidentId incident, MemberDraft member);

    /**
     * A person to add to the headquarters.
     *
     * @param role role
     * @param group working group
     * @param personName name
     * @param organisation organisation
     * @param phone phone
     * @param username platform account
     */
    record MemberDraft(
            Headquarters.@Nullable Role role,
            Headquarters.@Nullable Group group,
            @Nullable String personName,
            @Nullable String organisation,
            @Nullable String phone,
            @Nullable String username) {}

    /** Removes a person from the headquarters. */
    Headquarters removeMember(IncidentId incident, java.util.UUID member);

    /**
     * Gives a task. Operators with capture scope over the event may.
     *
     * @param sourceKey idempotency key of the source (e.g. a dispatch id); a repeat returns the first task
     * @throws cn.yingji.shared.InvalidInputException for no title or assignee, a deadline not in the future, an
     *     unknown receiving account
     */
    Task assign(IncidentId incident, NewTask task, @Nullable String sourceKey);

    /** Receives (签收) a task: its receiving account, or any officer when it has none. */
    Task receive(TaskId task);

    /** Adds progress feedback (text, optional photo and location) to a received task. */
    Task progress(TaskId task, Feedback feedback);

    /** Reports a received task done, with feedback. */
    Task reportDone(TaskId task, Feedback feedback);

    /**
     * Confirms a task reported done. Never by whoever received it, reported it done or is its receiving account.
     *
     * @throws cn.yingji.shared.ForbiddenException when the caller is the assignee or the one who reported it done
     */
    Task confirm(TaskId task, @Nullable String note);

    /** Sends a task reported done back to the assignee, with the reason. */
    Task sendBack(TaskId task, String reason);

    /** Cancels an open task (its assigner or a commander). */
    Task cancel(TaskId task, String reason);

    /**
     * Escalates every open task past its deadline to its assigner, once; runs as the system.
     *
     * @return number of tasks escalated
     */
    int escalateOverdue(Instant now);
}
