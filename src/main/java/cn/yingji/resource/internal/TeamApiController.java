package cn.yingji.resource.internal;

import cn.yingji.incident.IncidentId;
import cn.yingji.resource.NewTeam;
import cn.yingji.resource.Recommendation;
import cn.yingji.resource.Team;
import cn.yingji.resource.TeamId;
import cn.yingji.resource.TeamKind;
import cn.yingji.resource.TeamStatus;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NotFoundException;
import cn.yingji.shared.PageQuery;
import cn.yingji.shared.PageResult;
import cn.yingji.shared.TableIo;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** REST API of rescue teams (registry, status, pings, members, import/export), the recommendation and dispatch. */
@RestController
class TeamApiController {

    private final TeamService teams;
    private final TeamImport importer;
    private final DispatchRequests requests;
    private final SceneCoordination scene;

    TeamApiController(TeamService teams, TeamImport importer, DispatchRequests requests, SceneCoordination scene) {
        this.teams = teams;
        this.importer = importer;
        this.requests = requests;
        this.scene = scene;
    }

    /** Body of an on-scene registration. */
    record CheckInBody(
            @Nullable UUID incidentId,
            @Nullable Integer people,
            @Nullable List<String> capabilities,
            @Nullable String contact) {}

    /** Body of an on-scene report. */
    record ReportBody(@Nullable String text) {}

    @PostMapping("/api/v1/resources/teams/{id}/check-in")
    ResponseEntity<Map<String, UUID>> checkIn(@PathVariable UUID id, @RequestBody CheckInBody body) {
        UUID checkIn =
                scene.checkIn(new TeamId(id), body.incidentId(), body.people(), body.capabilities(), body.contact());
        return ResponseEntity.status(201).body(Map.of("id", checkIn));
    }

    @PostMapping("/api/v1/resources/teams/{id}/scene-reports")
    ResponseEntity<Void> report(@PathVariable UUID id, @RequestBody ReportBody body) {
        scene.report(new TeamId(id), body.text());
        return ResponseEntity.status(201).build();
    }

    @PostMapping("/api/v1/resources/teams/{id}/check-out")
    Team checkOut(@PathVariable UUID id) {
        scene.checkOut(new TeamId(id));
        return get(id);
    }

    /** Who is registered at the event's scene. */
    @GetMapping("/api/v1/dispatch/scene")
    List<SceneCoordination.CheckIn> atScene(@RequestParam UUID incident) {
        return scene.atScene(new IncidentId(incident));
    }

    /** Body of a support request. */
    record SupportRequestBody(
            @Nullable UUID incidentId,
            @Nullable String capability,
            @Nullable Integer quantity,
            @Nullable String note) {}

    /** Body of a decision on a support request. */
    record DecisionBody(
            @Nullable UUID teamId,
            @Nullable UUID stockId,
            @Nullable Integer quantity,
            @Nullable String note) {}

    @GetMapping("/api/v1/dispatch/requests")
    List<DispatchRequests.Request> requests(@RequestParam UUID incident) {
        return requests.forIncident(new IncidentId(incident));
    }

    @PostMapping("/api/v1/dispatch/requests")
    ResponseEntity<DispatchRequests.Request> request(@RequestBody SupportRequestBody body) {
        UUID id = requests.request(body.incidentId(), body.capability(), body.quantity(), body.note());
        return ResponseEntity.created(URI.create("/api/v1/dispatch/requests/" + id))
                .body(requests.find(id).orElseThrow());
    }

    @GetMapping("/api/v1/dispatch/requests/{id}")
    DispatchRequests.Request requestById(@PathVariable UUID id) {
        return requests.find(id).orElseThrow(() -> new NotFoundException("dispatch request", id));
    }

    @PostMapping("/api/v1/dispatch/requests/{id}/approve")
    ResponseEntity<Map<String, Object>> approve(@PathVariable UUID id, @RequestBody DecisionBody body) {
        if (body.stockId() != null) {
            // met with stock from a warehouse instead of a team
            requests.approveWithStock(id, body.stockId(), body.quantity(), body.note());
            return ResponseEntity.status(201)
                    .body(Map.of("request", requests.find(id).orElseThrow()));
        }
        UUID dispatch = requests.approve(id, body.teamId(), body.note());
        return ResponseEntity.status(201)
                .body(Map.of(
                        "dispatchId", dispatch, "request", requests.find(id).orElseThrow()));
    }

    @PostMapping("/api/v1/dispatch/requests/{id}/reject")
    DispatchRequests.Request reject(@PathVariable UUID id, @RequestBody DecisionBody body) {
        requests.reject(id, body.note());
        return requests.find(id).orElseThrow();
    }

    /** Body of {@code PUT /teams/{id}}: the command and the version read. */
    record TeamUpdate(@Nullable Integer version, @Nullable NewTeam team) {}

    /** Body of a status change. */
    record StatusBody(@Nullable TeamStatus status, @Nullable String note) {}

    /** Body of a position ping. */
    record PingBody(
            @Nullable Double lon,
            @Nullable Double lat,
            @Nullable Instant at) {}

    /** Body of a new member. */
    record MemberBody(
            @Nullable String name,
            @Nullable String role,
            @Nullable String phone) {}

    /** Body of a new certified skill. */
    record SkillBody(
            @Nullable String capability,
            @Nullable String certificate,
            @Nullable LocalDate expiresOn) {}

    /** Body of a dispatch. */
    record DispatchBody(
            @Nullable UUID teamId,
            @Nullable UUID incidentId,
            @Nullable String note) {}

    @GetMapping("/api/v1/resources/teams")
    PageResult<Team> list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable TeamKind kind,
            @RequestParam(required = false) @Nullable TeamStatus status,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        return teams.list(q, kind, status, PageQuery.of(page, size));
    }

    @PostMapping("/api/v1/resources/teams")
    ResponseEntity<Team> create(@RequestBody NewTeam body) {
        TeamId id = teams.create(body);
        return ResponseEntity.created(URI.create("/api/v1/resources/teams/" + id))
                .body(teams.find(id).orElseThrow());
    }

    @GetMapping("/api/v1/resources/teams/{id}")
    Team get(@PathVariable UUID id) {
        return teams.find(new TeamId(id)).orElseThrow(() -> new NotFoundException("team", id));
    }

    @PutMapping("/api/v1/resources/teams/{id}")
    Team update(@PathVariable UUID id, @RequestBody TeamUpdate body) {
        if (body.version() == null || body.team() == null) {
            throw InvalidInputException.field("version", "resource.error.required");
        }
        return teams.update(new TeamId(id), body.version(), body.team());
    }

    @PostMapping("/api/v1/resources/teams/{id}/status")
    Team status(@PathVariable UUID id, @RequestBody StatusBody body) {
        if (body.status() == null) {
            throw InvalidInputException.field("status", "resource.error.required");
        }
        return teams.changeStatus(new TeamId(id), body.status(), body.note());
    }

    /** A position ping from a team device; the Idempotency-Key header makes a retry harmless. */
    @PostMapping("/api/v1/resources/teams/{id}/pings")
    ResponseEntity<Map<String, Object>> ping(
            @PathVariable UUID id,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            @RequestBody PingBody body) {
        if (key == null || key.isBlank()) {
            throw InvalidInputException.field("Idempotency-Key", "resource.error.required");
        }
        if (body.lon() == null || body.lat() == null) {
            throw InvalidInputException.field("lon", "resource.error.required");
        }
        boolean recorded = teams.ping(new TeamId(id), key, body.lon(), body.lat(), body.at());
        return ResponseEntity.status(recorded ? 201 : 200)
                .header("Idempotent-Replayed", recorded ? "false" : "true")
                .body(Map.of("recorded", recorded));
    }

    @GetMapping("/api/v1/resources/teams/{id}/history")
    List<JdbcTeamStore.StatusEntry> history(@PathVariable UUID id) {
        return teams.history(new TeamId(id));
    }

    @GetMapping("/api/v1/resources/teams/{id}/members")
    List<JdbcTeamStore.Member> members(@PathVariable UUID id) {
        return teams.members(new TeamId(id));
    }

    @PostMapping("/api/v1/resources/teams/{id}/members")
    ResponseEntity<Map<String, UUID>> addMember(@PathVariable UUID id, @RequestBody MemberBody body) {
        UUID member = teams.addMember(new TeamId(id), body.name(), body.role(), body.phone());
        return ResponseEntity.status(201).body(Map.of("id", member));
    }

    @PostMapping("/api/v1/resources/teams/{id}/members/{memberId}/skills")
    ResponseEntity<Map<String, UUID>> addSkill(
            @PathVariable UUID id, @PathVariable UUID memberId, @RequestBody SkillBody body) {
        UUID skill = teams.addSkill(new TeamId(id), memberId, body.capability(), body.certificate(), body.expiresOn());
        return ResponseEntity.status(201).body(Map.of("id", skill));
    }

    @GetMapping("/api/v1/resources/teams/{id}/capabilities")
    List<String> effective(@PathVariable UUID id) {
        return teams.effectiveCapabilities(new TeamId(id));
    }

    @PostMapping("/api/v1/resources/teams/import")
    Map<String, Integer> importTeams(@RequestPart("file") MultipartFile file) throws IOException {
        return Map.of("imported", importer.importFile(file.getOriginalFilename(), file.getBytes()));
    }

    @GetMapping(value = "/api/v1/resources/teams/export.csv", produces = "text/csv")
    void exportCsv(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable TeamKind kind,
            @RequestParam(required = false) @Nullable TeamStatus status,
            HttpServletResponse response)
            throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"rescue-teams.csv\"");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Writer out = response.getWriter();
        out.write('\uFEFF');
        TableIo.csvRow(out, TeamImport.COLUMNS);
        teams.each(q, kind, status, t -> {
            try {
                TableIo.csvRow(out, TeamImport.row(t));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.flush();
    }

    @GetMapping("/api/v1/resources/teams/export.xlsx")
    void exportXlsx(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable TeamKind kind,
            @RequestParam(required = false) @Nullable TeamStatus status,
            HttpServletResponse response)
            throws IOException {
        List<List<?>> rows = new ArrayList<>();
        teams.each(q, kind, status, t -> rows.add(TeamImport.row(t)));
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"rescue-teams.xlsx\"");
        TableIo.xlsx(response.getOutputStream(), "teams", TeamImport.COLUMNS, rows);
    }

    /** Teams as GeoJSON points for the map (status drives the colour). */
    @GetMapping("/api/v1/resources/teams/map")
    Map<String, Object> map(
            @RequestParam(required = false) @Nullable TeamKind kind,
            @RequestParam(required = false) @Nullable TeamStatus status) {
        List<Map<String, Object>> features = new ArrayList<>();
        teams.each(null, kind, status, t -> {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("id", t.id().toString());
            props.put("name", t.name());
            props.put("kind", t.kind().name());
            props.put("status", t.status().name());
            props.put("headcount", t.headcount());
            props.put("primaryCapability", t.primaryCapability());
            features.add(Map.of(
                    "type",
                    "Feature",
                    "geometry",
                    Map.of("type", "Point", "coordinates", List.of(t.lon(), t.lat())),
                    "properties",
                    props));
        });
        return Map.of("type", "FeatureCollection", "features", features);
    }

    @GetMapping("/api/v1/resources/capabilities")
    Map<String, String[]> capabilities() {
        return teams.capabilities();
    }

    @GetMapping("/api/v1/resources/event-capabilities")
    Map<String, List<String>> eventCapabilities() {
        return teams.eventCapabilities();
    }

    @GetMapping("/api/v1/resources/certificates/expiring")
    List<JdbcTeamStore.ExpiringCertificate> expiring(@RequestParam(defaultValue = "30") int days) {
        if (days < 0 || days > 365) {
            throw InvalidInputException.field("days", "resource.error.days");
        }
        return teams.expiringCertificates(days);
    }

    @GetMapping("/api/v1/dispatch/recommendations")
    List<Recommendation> recommendations(@RequestParam UUID incident, @RequestParam(defaultValue = "10") int limit) {
        return teams.recommend(new IncidentId(incident), limit);
    }

    /** Teams working on the event (dispatched, on scene, returning) within the caller's scope. */
    @GetMapping("/api/v1/dispatch/engaged")
    List<Team> engaged(@RequestParam UUID incident) {
        return teams.atIncident(new IncidentId(incident));
    }

    @PostMapping("/api/v1/dispatch")
    ResponseEntity<Map<String, Object>> dispatch(@RequestBody DispatchBody body) {
        if (body.teamId() == null) {
            throw InvalidInputException.field("teamId", "resource.error.required");
        }
        if (body.incidentId() == null) {
            throw InvalidInputException.field("incidentId", "resource.error.required");
        }
        UUID dispatch = teams.dispatch(new TeamId(body.teamId()), new IncidentId(body.incidentId()), body.note());
        return ResponseEntity.status(201)
                .body(Map.of(
                        "dispatchId",
                        dispatch,
                        "team",
                        teams.find(new TeamId(body.teamId())).orElseThrow()));
    }
}
