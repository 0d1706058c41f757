package cn.yingji.incident;

import cn.yingji.shared.PageQuery;
import cn.yingji.shared.PageResult;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Read access to events. When a user is signed in, every method answers only events inside the user's view
 * jurisdiction: a foreign event is reported as absent ({@link cn.yingji.shared.NotFoundException}, 404) and never
 * counted. When nobody is signed in (scheduled jobs, listeners) the system reads without filter.
 */
public interface Incidents {

    /** The event, if it exists and is visible. */
    Optional<Incident> find(IncidentId id);

    /**
     * The event.
     *
     * @throws cn.yingji.shared.NotFoundException when missing or outside the caller's jurisdiction
     */
    Incident require(IncidentId id);

    /** One page of visible events matching the filter, newest occurrence first. */
    PageResult<Incident> list(IncidentFilter filter, PageQuery page);

    /** Number of visible events matching the filter. */
    long count(IncidentFilter filter);

    /** The event's reporting obligations, by due time. */
    List<Obligation> obligations(IncidentId id);

    /**
     * Reporting obligations of visible open events that are neither met nor waived and fall due before
     * {@code dueBefore} (overdue ones included), most urgent first, at most {@code limit} — one query, for walls
     * and dashboards.
     */
    List<Obligation> openObligations(java.time.Instant dueBefore, int limit);

    /** The event's reports, oldest first. */
    List<Report> reports(IncidentId id);

    /**
     * One report of the event.
     *
     * @throws cn.yingji.shared.NotFoundException when the event is not visible or the report is not its
     */
    Report report(IncidentId id, UUID reportId);

    /** The event's instructions with notes, oldest first. */
    List<Instruction> instructions(IncidentId id);

    /** The event's grade history, oldest first. */
    List<GradeChange> gradeHistory(IncidentId id);

    /** Every action on one time axis, oldest first. */
    List<TimelineEntry> timeline(IncidentId id);

    /** Metadata of the event's attachments, oldest first. */
    List<Attachment> attachments(IncidentId id);

    /**
     * An attachment with its content.
     *
     * @throws cn.yingji.shared.NotFoundException when the event is not visible or the attachment is not its
     */
    AttachmentContent attachment(IncidentId id, UUID attachmentId);

    /**
     * An attachment's metadata and bytes.
     *
     * @param meta metadata
     * @param content the bytes
     */
    record AttachmentContent(Attachment meta, byte[] content) {}

    /** The event types, active first, by category and sort order. */
    List<EventType> eventTypes();

    /** The event type with this code, if any. */
    Optional<EventType> eventType(String code);
}
