package cn.yingji.incident.internal;

import cn.yingji.identity.CurrentUser;
import cn.yingji.incident.Attachment;
import cn.yingji.incident.EventType;
import cn.yingji.incident.GradeChange;
import cn.yingji.incident.Incident;
import cn.yingji.incident.IncidentFilter;
import cn.yingji.incident.IncidentId;
import cn.yingji.incident.Incidents;
import cn.yingji.incident.Instruction;
import cn.yingji.incident.Obligation;
import cn.yingji.incident.Report;
import cn.yingji.incident.TimelineEntry;
import cn.yingji.shared.NotFoundException;
import cn.yingji.shared.PageQuery;
import cn.yingji.shared.PageResult;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The read side, always inside the caller's view jurisdiction. */
@Service
@Transactional(readOnly = true)
class DefaultIncidents implements Incidents {

    private final JdbcIncidentStore store;
    private final IncidentReference reference;
    private final CurrentUser currentUser;
    private final IncidentClock clock;

    DefaultIncidents(
            JdbcIncidentStore store, IncidentReference reference, CurrentUser currentUser, IncidentClock clock) {
        this.reference = reference;
        this.store = store;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The caller's view patterns, or null when the system reads. */
    @Nullable
    List<String> patterns() {
        return currentUser.get().map(a -> a.jurisdiction().viewPatterns()).orElse(null);
    }

    @Override
    public Optional<Incident> find(IncidentId id) {
        return store.find(id.value())
                .filter(i -> currentUser.get().isEmpty()
                        || currentUser.jurisdiction().canView(i.divisionPath()));
    }

    @Override
    public Incident require(IncidentId id) {
        return find(id).orElseThrow(() -> new NotFoundException("incident", id));
    }

    @Override
    public PageResult<Incident> list(IncidentFilter filter, PageQuery page) {
        return store.list(filter, patterns(), page, clock.zone());
    }

    @Override
    public long count(IncidentFilter filter) {
        return store.count(filter, patterns(), clock.zone());
    }

    /** Streams every visible event matching the filter (CSV export). */
    void forEach(IncidentFilter filter, Consumer<Incident> sink) {
        store.forEach(filter, patterns(), clock.zone(), sink);
    }

    @Override
    public List<Obligation> openObligations(java.time.Instant dueBefore, int limit) {
        return store.openObligations(patterns(), dueBefore, Math.max(1, Math.min(limit, 5_000)));
    }

    @Override
    public List<Obligation> obligations(IncidentId id) {
        require(id);
        return store.obligations(id.value());
    }

    @Override
    public List<Report> reports(IncidentId id) {
        require(id);
        return store.reports(id.value());
    }

    @Override
    public Report report(IncidentId id, UUID reportId) {
        return reports(id).stream()
                .filter(r -> r.id().equals(reportId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("report", reportId));
    }

    @Override
    public List<Instruction> instructions(IncidentId id) {
        require(id);
        return store.instructions(id.value());
    }

    @Override
    public List<GradeChange> gradeHistory(IncidentId id) {
        require(id);
        return store.gradeHistory(id.value());
    }

    @Override
    public List<TimelineEntry> timeline(IncidentId id) {
        require(id);
        return store.timeline(id.value());
    }

    @Override
    public List<Attachment> attachments(IncidentId id) {
        require(id);
        return store.attachments(id.value());
    }

    @Override
    public AttachmentContent attachment(IncidentId id, UUID attachmentId) {
        require(id);
        return store.attachment(id.value(), attachmentId)
                .map(e -> new AttachmentContent(e.getKey(), e.getValue()))
                .orElseThrow(() -> new NotFoundException("attachment", attachmentId));
    }

    @Override
    public List<EventType> eventTypes() {
        return reference.eventTypes();
    }

    @Override
    public Optional<EventType> eventType(String code) {
        return reference.eventType(code);
    }
}
