package cn.yingji.command.internal;

import cn.yingji.command.Command;
import cn.yingji.command.CommandManagement;
import cn.yingji.command.Feedback;
import cn.yingji.command.Headquarters;
import cn.yingji.command.NewPlan;
import cn.yingji.command.NewTask;
import cn.yingji.command.Plan;
import cn.yingji.command.PlanId;
import cn.yingji.command.PlanManagement;
import cn.yingji.command.PlanMatch;
import cn.yingji.command.PlanStatus;
import cn.yingji.command.Plans;
import cn.yingji.command.Response;
import cn.yingji.command.ResponseLevel;
import cn.yingji.command.Task;
import cn.yingji.command.TaskId;
import cn.yingji.command.TaskUpdate;
import cn.yingji.incident.IncidentId;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NotFoundException;
import java.net.URI;
import java.util.List;
import java.util.Map;
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

/**
 * REST API of the command system: {@code /api/v1/plans}, an event's response, headquarters and tasks under {@code
 * /api/v1/incidents/{id}/...}, and {@code /api/v1/tasks}.
 */
@RestController
class CommandApiController {

    private final Plans plans;
    private final PlanManagement planManagement;
    private final Command command;
    private final CommandManagement management;
    private final CommandSupport.CommandClock clock;

    CommandApiController(
            Plans plans,
            PlanManagement planManagement,
            Command command,
            CommandManagement management,
            CommandSupport.CommandClock clock) {
        this.plans = plans;
        this.planManagement = planManagement;
        this.command = command;
        this.management = management;
        this.clock = clock;
    }

    // ---- plans --------------------------------------------------------------------------------------

    @GetMapping("/api/v1/plans")
    List<Plan> plans(@RequestParam(required = false) @Nullable PlanStatus status) {
        return plans.list(status);
    }

    @GetMapping("/api/v1/plans/{id}")
    Plan plan(@PathVariable UUID id) {
        return plans.require(new PlanId(id));
    }

    @PostMapping("/api/v1/plans")
    ResponseEntity<Plan> createPlan(@RequestBody NewPlan body) {
        Plan p = planManagement.create(body);
        return ResponseEntity.created(URI.create("/api/v1/plans/" + p.id())).body(p);
    }

    /** Replaces a plan; {@code If-Match} carries the version the client edited. */
    @PutMapping("/api/v1/plans/{id}")
    Plan updatePlan(
            @PathVariable UUID id, @RequestBody NewPlan body, @RequestHeader(name = "If-Match") String version) {
        return planManagement.update(new PlanId(id), body, version(version));
    }

    private static int version(String header) {
        try {
            return Integer.parseInt(header.replace("\"", "").strip());
        } catch (NumberFormatException e) {
            throw InvalidInputException.field("If-Match", "command.error.ifMatch");
        }
    }

    // ---- response -----------------------------------------------------------------------------------

    @GetMapping("/api/v1/incidents/{id}/plan-matches")
    List<PlanMatch> matches(@PathVariable UUID id) {
        return plans.match(new IncidentId(id));
    }

    @GetMapping("/api/v1/incidents/{id}/responses")
    List<Response> responses(@PathVariable UUID id) {
        return command.responses(new IncidentId(id));
    }

    /**
     * Body of response commands.
     *
     * @param planId plan (activation only)
     * @param level level (activation and adjustment)
     * @param reason why (always)
     */
    record ResponseCommand(
            @Nullable UUID planId,
            @Nullable ResponseLevel level,
            @Nullable String reason) {}

    @PostMapping("/api/v1/incidents/{id}/response")
    ResponseEntity<Response> activate(@PathVariable UUID id, @RequestBody ResponseCommand body) {
        Response r = management.activate(
                new IncidentId(id),
                body.planId() == null ? null : new PlanId(body.planId()),
                requireLevel(body.level()),
                body.reason() == null ? "" : body.reason());
        return ResponseEntity.status(201).body(r);
    }

    @PutMapping("/api/v1/incidents/{id}/response/level")
    Response adjust(@PathVariable UUID id, @RequestBody ResponseCommand body) {
        return management.adjust(
                new IncidentId(id), requireLevel(body.level()), body.reason() == null ? "" : body.reason());
    }

    @PostMapping("/api/v1/incidents/{id}/response/end")
    Response end(@PathVariable UUID id, @RequestBody ResponseCommand body) {
        return management.end(new IncidentId(id), body.reason() == null ? "" : body.reason());
    }

    private static ResponseLevel requireLevel(@Nullable ResponseLevel level) {
        if (level == null) {
            throw InvalidInputException.field("level", "command.error.required");
        }
        return level;
    }

    // ---- headquarters -------------------------------------------------------------------------------

    @GetMapping("/api/v1/incidents/{id}/headquarters")
    Headquarters headquarters(@PathVariable UUID id) {
        return command.headquarters(new IncidentId(id)).orElseThrow(() -> new NotFoundException("headquarters", id));
    }

    @PutMapping("/api/v1/incidents/{id}/headquarters")
    Headquarters establish(@PathVariable UUID id, @RequestBody CommandManagement.HeadquartersDraft body) {
        return management.establish(new IncidentId(id), body);
    }

    @PostMapping("/api/v1/incidents/{id}/headquarters/members")
    ResponseEntity<Headquarters> addMember(@PathVariable UUID id, @RequestBody CommandManagement.MemberDraft body) {
        return ResponseEntity.status(201).body(management.addMember(new IncidentId(id), body));
    }

    @DeleteMapping("/api/v1/incidents/{id}/headquarters/members/{memberId}")
    Headquarters removeMember(@PathVariable UUID id, @PathVariable UUID memberId) {
        return management.removeMember(new IncidentId(id), memberId);
    }

    // ---- tasks --------------------------------------------------------------------------------------

    @GetMapping("/api/v1/incidents/{id}/tasks")
    List<Task> tasks(@PathVariable UUID id) {
        return command.tasks(new IncidentId(id));
    }

    /** Gives a task; with an {@code Idempotency-Key} a retry returns the first task. */
    @PostMapping("/api/v1/incidents/{id}/tasks")
    ResponseEntity<Task> assign(
            @PathVariable UUID id,
            @RequestBody NewTask body,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key) {
        Task t = management.assign(new IncidentId(id), body, key == null ? null : "api:" + key);
        return ResponseEntity.created(URI.create("/api/v1/tasks/" + t.id())).body(t);
    }

    @GetMapping("/api/v1/tasks")
    List<Task> openTasks(@RequestParam(required = false) @Nullable Boolean mine) {
        return Boolean.TRUE.equals(mine) ? command.myTasks(clock.now()) : command.openTasks(500);
    }

    @GetMapping("/api/v1/tasks/counts")
    Map<String, Long> counts() {
        return command.taskCounts(clock.now());
    }

    @GetMapping("/api/v1/tasks/{taskId}")
    Task task(@PathVariable UUID taskId) {
        return command.task(new TaskId(taskId));
    }

    @GetMapping("/api/v1/tasks/{taskId}/updates")
    List<TaskUpdate> updates(@PathVariable UUID taskId) {
        return command.updates(new TaskId(taskId));
    }

    @GetMapping("/api/v1/tasks/{taskId}/updates/{updateId}/photo")
    ResponseEntity<byte[]> photo(@PathVariable UUID taskId, @PathVariable UUID updateId) {
        return photoResponse(command.photo(new TaskId(taskId), updateId));
    }

    static ResponseEntity<byte[]> photoResponse(Command.Photo p) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(p.contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(p.name(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(p.bytes());
    }

    @PostMapping("/api/v1/tasks/{taskId}/receipt")
    Task receive(@PathVariable UUID taskId) {
        return management.receive(new TaskId(taskId));
    }

    /**
     * Feedback body (JSON); photos go through the multipart page form.
     *
     * @param text text
     * @param lon longitude
     * @param lat latitude
     */
    record FeedbackBody(
            @Nullable String text,
            @Nullable Double lon,
            @Nullable Double lat) {
        Feedback feedback() {
            return new Feedback(text, lon, lat, null, null, null);
        }
    }

    @PostMapping("/api/v1/tasks/{taskId}/progress")
    Task progress(@PathVariable UUID taskId, @RequestBody FeedbackBody body) {
        return management.progress(new TaskId(taskId), body.feedback());
    }

    @PostMapping("/api/v1/tasks/{taskId}/done")
    Task done(@PathVariable UUID taskId, @RequestBody FeedbackBody body) {
        return management.reportDone(new TaskId(taskId), body.feedback());
    }

    /** Body: {@code {"text": "..."}}. */
    record NoteBody(@Nullable String text) {}

    @PostMapping("/api/v1/tasks/{taskId}/confirmation")
    Task confirm(@PathVariable UUID taskId, @RequestBody(required = false) @Nullable NoteBody body) {
        return management.confirm(new TaskId(taskId), body == null ? null : body.text());
    }

    @PostMapping("/api/v1/tasks/{taskId}/return")
    Task sendBack(@PathVariable UUID taskId, @RequestBody NoteBody body) {
        return management.sendBack(new TaskId(taskId), body.text() == null ? "" : body.text());
    }

    @PostMapping("/api/v1/tasks/{taskId}/cancellation")
    Task cancel(@PathVariable UUID taskId, @RequestBody NoteBody body) {
        return management.cancel(new TaskId(taskId), body.text() == null ? "" : body.text());
    }
}
