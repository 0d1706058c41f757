package cn.yingji.command;

import cn.yingji.incident.IncidentId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Read side of the command system for one event or for the caller's jurisdiction. Foreign events answer 404 and
 * foreign tasks are never listed or counted.
 */
public interface Command {

    /** The event's running response, if any. */
    Optional<Response> activeResponse(IncidentId incident);

    /** Every response of the event, newest first. */
    List<Response> responses(IncidentId incident);

    /** The event's headquarters, if stood up. */
    Optional<Headquarters> headquarters(IncidentId incident);

    /** The event's tasks, by deadline. */
    List<Task> tasks(IncidentId incident);

    /**
     * A task.
     *
     * @throws cn.yingji.shared.NotFoundException when missing or foreign
     */
    Task task(TaskId id);

    /** A task's history, oldest first. */
    List<TaskUpdate> updates(TaskId id);

    /** The photo of a task update. */
    Photo photo(TaskId task, java.util.UUID update);

    /**
     * A photo.
     *
     * @param name file name
     * @param contentType MIME type
     * @param bytes content
     */
    record Photo(String name, String contentType, byte[] bytes) {}

    /** Open tasks in the caller's jurisdiction, most urgent first, at most {@code limit}. */
    List<Task> openTasks(int limit);

    /** Open tasks the caller must act on (addressed to them, or escalated to them as assigner), by deadline. */
    List<Task> myTasks(Instant now);

    /** Counts of open tasks in the caller's jurisdiction by state, plus {@code OVERDUE}. */
    java.util.Map<String, Long> taskCounts(Instant now);
}
