package cn.yingji.incident.internal;

import cn.yingji.incident.Attachment;
import cn.yingji.incident.CasualtyUpdate;
import cn.yingji.incident.CasualtyUpdateResult;
import cn.yingji.incident.EventCategory;
import cn.yingji.incident.EventType;
import cn.yingji.incident.Grade;
import cn.yingji.incident.GradeChange;
import cn.yingji.incident.Incident;
import cn.yingji.incident.IncidentFilter;
import cn.yingji.incident.IncidentId;
import cn.yingji.incident.IncidentManagement;
import cn.yingji.incident.IncidentManagement.IntakeResult;
import cn.yingji.incident.IncidentState;
import cn.yingji.incident.Instruction;
import cn.yingji.incident.NewIncident;
import cn.yingji.incident.NewInstruction;
import cn.yingji.incident.NewReport;
import cn.yingji.incident.Obligation;
import cn.yingji.incident.Report;
import cn.yingji.incident.TimelineEntry;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.PageQuery;
import cn.yingji.shared.PageResult;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** REST API of events under {@code /api/v1/incidents}. */
@RestController
@RequestMapping("/api/v1/incidents")
class IncidentApiController {

    private final DefaultIncidents incidents;
    private final IncidentManagement management;
    private final IncidentClock clock;

    IncidentApiController(DefaultIncidents incidents, IncidentManagement management, IncidentClock clock) {
        this.incidents = incidents;
        this.management = management;
        this.clock = clock;
    }

    /** An obligation with its state now (for clients that don't compute it). */
    record ObligationView(Obligation obligation, Obligation.Status status, long secondsLeft) {}

    /**
     * Records an event. With an {@code Idempotency-Key} header a retry answers 200 with the first event instead of
     * creating a duplicate.
     */
    @PostMapping
    ResponseEntity<Incident> create(
            @RequestBody NewIncident body,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key) {
        IntakeResult r = management.report(body, key);
        URI location = URI.create("/api/v1/incidents/" + r.incident().id());
        return r.replayed()
                ? ResponseEntity.ok()
                        .location(location)
                        .header("Idempotent-Replayed", "true")
                        .body(r.incident())
                : ResponseEntity.created(location).body(r.incident());
    }

    @GetMapping
    PageResult<Incident> list(
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable EventCategory category,
            @RequestParam(required = false) @Nullable Grade grade,
            @RequestParam(required = false) @Nullable IncidentState state,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable String division,
            @RequestParam(required = false) @Nullable Boolean drill,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        return incidents.list(
                new IncidentFilter(type, category, grade, state, from, to, division, drill, q),
                PageQuery.of(page, size));
    }

    @GetMapping("/types")
    List<EventType> types() {
        return incidents.eventTypes();
    }

    @GetMapping("/{id}")
    Incident get(@PathVariable UUID id) {
        return incidents.require(new IncidentId(id));
    }

    @PutMapping("/{id}/casualties")
    CasualtyUpdateResult casualties(@PathVariable UUID id, @RequestBody CasualtyUpdate body) {
        return management.updateCasualties(new IncidentId(id), body);
    }

    /** Body: {@code {"state": "VERIFIED"}}. */
    record StateChange(@Nullable IncidentState state) {}

    @PostMapping("/{id}/state")
    Incident state(@PathVariable UUID id, @RequestBody StateChange body) {
        if (body.state() == null) {
            throw InvalidInputException.field("state", "incident.error.required");
        }
        return management.changeState(new IncidentId(id), body.state());
    }

    @GetMapping("/{id}/grade-history")
    List<GradeChange> gradeHistory(@PathVariable UUID id) {
        return incidents.gradeHistory(new IncidentId(id));
    }

    @GetMapping("/{id}/obligations")
    List<ObligationView> obligations(@PathVariable UUID id) {
        Instant now = clock.now();
        return incidents.obligations(new IncidentId(id)).stream()
                .map(o -> new ObligationView(
                        o,
                        o.statusAt(now),
                        java.time.Duration.between(now, o.dueAt()).toSeconds()))
                .toList();
    }

    @GetMapping("/{id}/reports")
    List<Report> reports(@PathVariable UUID id) {
        return incidents.reports(new IncidentId(id));
    }

    @PostMapping("/{id}/reports")
    ResponseEntity<Report> fileReport(@PathVariable UUID id, @RequestBody NewReport body) {
        Report r = management.fileReport(new IncidentId(id), body);
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + id + "/reports/" + r.id()))
                .body(r);
    }

    @GetMapping("/{id}/reports/{reportId}")
    Report report(@PathVariable UUID id, @PathVariable UUID reportId) {
        return incidents.report(new IncidentId(id), reportId);
    }

    @GetMapping("/{id}/instructions")
    List<Instruction> instructions(@PathVariable UUID id) {
        return incidents.instructions(new IncidentId(id));
    }

    @PostMapping("/{id}/instructions")
    ResponseEntity<Instruction> addInstruction(@PathVariable UUID id, @RequestBody NewInstruction body) {
        Instruction i = management.addInstruction(new IncidentId(id), body);
        return ResponseEntity.status(201).body(i);
    }

    @PostMapping("/{id}/instructions/{instructionId}/acknowledgement")
    Instruction acknowledge(@PathVariable UUID id, @PathVariable UUID instructionId) {
        return management.acknowledge(new IncidentId(id), instructionId);
    }

    /** Body: {@code {"text": "..."}}. */
    record NoteBody(@Nullable String text) {}

    @PostMapping("/{id}/instructions/{instructionId}/notes")
    Instruction note(@PathVariable UUID id, @PathVariable UUID instructionId, @RequestBody NoteBody body) {
        return management.addNote(new IncidentId(id), instructionId, body.text() == null ? "" : body.text());
    }

    @GetMapping("/{id}/timeline")
    List<TimelineEntry> timeline(@PathVariable UUID id) {
        return incidents.timeline(new IncidentId(id));
    }

    @GetMapping("/{id}/attachments")
    List<Attachment> attachments(@PathVariable UUID id) {
        return incidents.attachments(new IncidentId(id));
    }

    @PostMapping(path = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Attachment> attach(@PathVariable UUID id, @RequestPart("file") MultipartFile file)
            throws IOException {
        Attachment a = management.attach(
                new IncidentId(id), String.valueOf(file.getOriginalFilename()), file.getContentType(), file.getBytes());
        return ResponseEntity.status(201).body(a);
    }

    @GetMapping("/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable UUID id, @PathVariable UUID attachmentId) {
        return download(incidents.attachment(new IncidentId(id), attachmentId));
    }

    static ResponseEntity<byte[]> download(cn.yingji.incident.Incidents.AttachmentContent a) {
        boolean inline = a.meta().contentType().startsWith("image/")
                || a.meta().contentType().equals("application/pdf");
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(a.meta().contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                                .filename(a.meta().filename(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(a.content());
    }
}
