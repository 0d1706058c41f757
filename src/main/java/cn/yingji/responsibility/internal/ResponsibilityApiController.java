package cn.yingji.responsibility.internal;

import cn.yingji.directory.PositionId;
import cn.yingji.responsibility.ChiefAssignment;
import cn.yingji.responsibility.DutyList;
import cn.yingji.responsibility.DutyListId;
import cn.yingji.responsibility.NewDutyList;
import cn.yingji.responsibility.Responsibilities;
import cn.yingji.responsibility.ResponsibilityManagement;
import cn.yingji.responsibility.SupervisionRule;
import cn.yingji.shared.InvalidInputException;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** REST API: {@code /api/v1/duty-lists}, {@code /api/v1/supervision}, {@code /api/v1/chiefs}. */
@RestController
class ResponsibilityApiController {

    private final Responsibilities reads;
    private final ResponsibilityManagement management;
    private final ResponsibilityService service;

    ResponsibilityApiController(
            Responsibilities reads, ResponsibilityManagement management, ResponsibilityService service) {
        this.reads = reads;
        this.management = management;
        this.service = service;
    }

    @GetMapping("/api/v1/duty-lists")
    List<DutyList> lists(
            @RequestParam(required = false) @Nullable UUID position,
            @RequestParam(required = false) DutyList.@Nullable State state) {
        return reads.lists(position == null ? null : new PositionId(position), state);
    }

    @GetMapping("/api/v1/duty-lists/mine")
    List<DutyList> mine() {
        return reads.mine();
    }

    @PostMapping("/api/v1/duty-lists")
    ResponseEntity<DutyList> draft(@RequestBody NewDutyList body) {
        DutyList l = management.draft(body);
        return ResponseEntity.created(URI.create("/api/v1/duty-lists/" + l.id()))
                .body(l);
    }

    @GetMapping("/api/v1/duty-lists/{id}")
    DutyList list(@PathVariable UUID id) {
        return reads.list(new DutyListId(id));
    }

    @GetMapping("/api/v1/duty-lists/{id}/versions")
    List<DutyList> versions(@PathVariable UUID id) {
        return reads.versions(new DutyListId(id));
    }

    @PutMapping("/api/v1/duty-lists/{id}")
    DutyList update(@PathVariable UUID id, @RequestBody NewDutyList body, @RequestHeader("If-Match") String version) {
        try {
            return management.updateDraft(
                    new DutyListId(id),
                    body,
                    Integer.parseInt(version.replace("\"", "").strip()));
        } catch (NumberFormatException e) {
            throw InvalidInputException.field("If-Match", "responsibility.error.ifMatch");
        }
    }

    @PostMapping("/api/v1/duty-lists/{id}/publication")
    DutyList publish(@PathVariable UUID id) {
        return management.publish(new DutyListId(id));
    }

    @PostMapping("/api/v1/duty-lists/{id}/revision")
    ResponseEntity<DutyList> revise(@PathVariable UUID id) {
        DutyList l = management.revise(new DutyListId(id));
        return ResponseEntity.created(URI.create("/api/v1/duty-lists/" + l.id()))
                .body(l);
    }

    /** Completes an item: multipart with {@code note} and, where required, {@code evidence} (PDF, JPEG, PNG). */
    @PostMapping(
            path = "/api/v1/duty-lists/{id}/items/{itemId}/completion",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    DutyList complete(
            @PathVariable UUID id,
            @PathVariable UUID itemId,
            @RequestParam(required = false) @Nullable String note,
            @RequestParam(required = false) @Nullable MultipartFile evidence) {
        return ResponsibilityPageController.complete(management, id, itemId, note, evidence);
    }

    @GetMapping("/api/v1/duty-lists/{id}/items/{itemId}/evidence")
    ResponseEntity<byte[]> evidence(@PathVariable UUID id, @PathVariable UUID itemId) {
        return download(reads.evidence(new DutyListId(id), itemId));
    }

    static ResponseEntity<byte[]> download(Responsibilities.Evidence e) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(e.contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(e.name(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(e.bytes());
    }

    // ---- supervision --------------------------------------------------------------------------------

    /**
     * A line of the matrix.
     *
     * @param industry industry code
     * @param department department
     * @param ground ground
     * @param note note
     */
    record RuleBody(
            @Nullable String industry,
            @Nullable String department,
            SupervisionRule.@Nullable Ground ground,
            @Nullable String note) {}

    @GetMapping("/api/v1/supervision")
    List<SupervisionRule> supervision(@RequestParam(required = false) @Nullable String industry) {
        return industry == null ? reads.supervision() : reads.supervisorsOf(industry);
    }

    @PostMapping("/api/v1/supervision")
    ResponseEntity<SupervisionRule> addRule(@RequestBody RuleBody body) {
        SupervisionRule r =
                management.saveSupervision(null, body.industry(), body.department(), body.ground(), body.note());
        return ResponseEntity.status(201).body(r);
    }

    @PutMapping("/api/v1/supervision/{id}")
    SupervisionRule updateRule(@PathVariable UUID id, @RequestBody RuleBody body) {
        return management.saveSupervision(id, body.industry(), body.department(), body.ground(), body.note());
    }

    @DeleteMapping("/api/v1/supervision/{id}")
    ResponseEntity<Void> deleteRule(@PathVariable UUID id) {
        management.deleteSupervision(id);
        return ResponseEntity.noContent().build();
    }

    // ---- chiefs and 包保 ----------------------------------------------------------------------------

    /**
     * A chief or 包保 assignment.
     *
     * @param kind kind
     * @param objectKind what is covered
     * @param objectName its name
     * @param positionId the position
     */
    record AssignmentBody(
            ChiefAssignment.@Nullable Kind kind,
            ChiefAssignment.@Nullable ObjectKind objectKind,
            @Nullable String objectName,
            @Nullable UUID positionId) {}

    @GetMapping("/api/v1/chiefs")
    List<ChiefAssignment> chiefs(@RequestParam(required = false) ChiefAssignment.@Nullable Kind kind) {
        return reads.assignments(kind);
    }

    @PostMapping("/api/v1/chiefs")
    ResponseEntity<ChiefAssignment> assign(@RequestBody AssignmentBody body) {
        return ResponseEntity.status(201)
                .body(management.assign(
                        body.kind(),
                        body.objectKind(),
                        body.objectName(),
                        body.positionId() == null ? null : new PositionId(body.positionId())));
    }

    @PostMapping("/api/v1/chiefs/{id}/verification")
    ChiefAssignment verify(@PathVariable UUID id) {
        return management.verifyContact(id);
    }

    @GetMapping("/api/v1/chiefs/board")
    List<Responsibilities.ContactBoardRow> board() {
        return reads.contactBoard(service.now());
    }

    static byte @Nullable [] bytes(@Nullable MultipartFile f) {
        if (f == null || f.isEmpty()) {
            return null;
        }
        try {
            return f.getBytes();
        } catch (IOException e) {
            throw InvalidInputException.field("evidence", "responsibility.error.evidenceType");
        }
    }
}
