package cn.yingji.resource.internal;

import cn.yingji.incident.Incident;
import cn.yingji.incident.IncidentFilter;
import cn.yingji.incident.IncidentId;
import cn.yingji.incident.Incidents;
import cn.yingji.resource.NewTeam;
import cn.yingji.resource.Team;
import cn.yingji.resource.TeamId;
import cn.yingji.resource.TeamKind;
import cn.yingji.resource.TeamStatus;
import cn.yingji.shared.ConflictException;
import cn.yingji.shared.DomainException;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NotFoundException;
import cn.yingji.shared.PageQuery;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Pages of rescue teams: list with import, detail with status, members and skills, edit, map and dispatch. */
@Controller
class TeamPages {

    private final TeamService teams;
    private final TeamImport importer;
    private final RegistryService registries;
    private final ResourceRoles roles;
    private final ResourceFormat format;
    private final Incidents incidents;
    private final DispatchRequests requests;
    private final SceneCoordination scene;
    private final String tileUrl;
    private final String tileAttribution;

    TeamPages(
            TeamService teams,
            TeamImport importer,
            RegistryService registries,
            ResourceRoles roles,
            ResourceFormat format,
            Incidents incidents,
            DispatchRequests requests,
            SceneCoordination scene,
            @Value("${yingji.map.tile-url:}") String tileUrl,
            @Value("${yingji.map.tile-attribution:}") String tileAttribution) {
        this.teams = teams;
        this.importer = importer;
        this.registries = registries;
        this.roles = roles;
        this.format = format;
        this.incidents = incidents;
        this.requests = requests;
        this.scene = scene;
        this.tileUrl = tileUrl;
        this.tileAttribution = tileAttribution;
    }

    /** What the team form posts; strings so bad input is shown back as typed. */
    record TeamForm(
            @Nullable String name,
            @Nullable String kind,
            @Nullable String organisation,
            @Nullable String base,
            @Nullable String headcount,
            @Nullable String primaryCapability,
            @Nullable List<String> capabilities,
            @Nullable String readiness,
            @Nullable String lon,
            @Nullable String lat,
            @Nullable String divisionCode,
            @Nullable String leaderUsername,
            @Nullable String phone,
            @Nullable Integer version) {

        static TeamForm empty() {
            return new TeamForm(null, null, null, null, null, null, List.of(), "2", null, null, null, null, null, null);
        }

        static TeamForm of(Team t) {
            return new TeamForm(
                    t.name(),
                    t.kind().name(),
                    t.organisation(),
                    t.base(),
                    Integer.toString(t.headcount()),
                    t.primaryCapability(),
                    t.capabilities(),
                    Integer.toString(t.readiness()),
                    Double.toString(t.lon()),
                    Double.toString(t.lat()),
                    null,
                    t.leaderUsername(),
                    t.phone(),
                    t.version());
        }

        public boolean has(String capability) {
            return capabilities != null && capabilities.contains(capability);
        }

        NewTeam command() {
            Errors errors = new Errors();
            TeamKind k = null;
            if (kind != null && !kind.isBlank()) {
                try {
                    k = TeamKind.valueOf(kind);
                } catch (IllegalArgumentException e) {
                    errors.add("kind", "resource.error.unknownKind", kind);
                }
            }
            NewTeam cmd = new NewTeam(
                    name,
                    k,
                    organisation,
                    base,
                    TeamImport.integer(strip(headcount), "headcount", errors),
                    primaryCapability,
                    capabilities == null ? List.of() : capabilities,
                    TeamImport.integer(strip(readiness), "readiness", errors),
                    TeamImport.decimal(strip(lon), "lon", errors),
                    TeamImport.decimal(strip(lat), "lat", errors),
                    divisionCode,
                    leaderUsername,
                    phone);
            errors.throwIfAny();
            return cmd;
        }

        private static String strip(@Nullable String s) {
            return s == null ? "" : s.strip();
        }
    }

    // ---- list and import ---------------------------------------------------------------------------------------

    @GetMapping("/resources/teams")
    String list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable TeamKind kind,
            @RequestParam(required = false) @Nullable TeamStatus status,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer imported,
            Model model) {
        return list(q, kind, status, page, imported, List.of(), model);
    }

    private String list(
            @Nullable String q,
            @Nullable TeamKind kind,
            @Nullable TeamStatus status,
            @Nullable Integer page,
            @Nullable Integer imported,
            List<String> importErrors,
            Model model) {
        model.addAttribute("q", q);
        model.addAttribute("kind", kind);
        model.addAttribute("status", status);
        model.addAttribute("kinds", TeamKind.values());
        model.addAttribute("statuses", TeamStatus.values());
        model.addAttribute("canWrite", roles.canWrite());
        model.addAttribute("imported", imported);
        model.addAttribute("importErrors", importErrors);
        model.addAttribute("expiring", expiring());
        model.addAttribute("myTeams", teams.myTeams());
        model.addAttribute("today", teams.today());
        model.addAttribute("result", teams.list(q, kind, status, PageQuery.of(page, 20)));
        return "resource/teams";
    }

    /** Certificate warnings: a team leader sees those of their own teams, everyone else those in scope. */
    private List<JdbcTeamStore.ExpiringCertificate> expiring() {
        List<JdbcTeamStore.ExpiringCertificate> all = teams.expiringCertificates(30);
        if (!roles.isLeaderOnly()) {
            return all;
        }
        java.util.Set<UUID> mine = new java.util.HashSet<>();
        teams.myTeams().forEach(t -> mine.add(t.id().value()));
        return all.stream().filter(c -> mine.contains(c.teamId())).toList();
    }

    @PostMapping("/resources/teams/import")
    String importTeams(@RequestParam(required = false) @Nullable MultipartFile file, Model model) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw InvalidInputException.field("file", "resource.import.empty");
            }
            int n = importer.importFile(file.getOriginalFilename(), file.getBytes());
            return "redirect:/resources/teams?imported=" + n;
        } catch (InvalidInputException | ConflictException e) {
            return list(null, null, null, null, null, format.importErrors(e), model);
        }
    }

    // ---- create / edit -----------------------------------------------------------------------------------------

    @GetMapping("/resources/teams/new")
    String createForm(Model model) {
        roles.requireWriter();
        return form(model, TeamForm.empty(), null, Map.of());
    }

    @PostMapping("/resources/teams/new")
    String create(TeamForm form, Model model) {
        try {
            TeamId id = teams.create(form.command());
            return "redirect:/resources/teams/" + id;
        } catch (InvalidInputException e) {
            return form(model, form, null, format.errors(e));
        }
    }

    @GetMapping("/resources/teams/{id}/edit")
    String editForm(@PathVariable UUID id, Model model) {
        Team t = find(id);
        return form(model, TeamForm.of(t), t, Map.of());
    }

    @PostMapping("/resources/teams/{id}/edit")
    String edit(@PathVariable UUID id, TeamForm form, Model model) {
        Team t = find(id);
        try {
            teams.update(t.id(), form.version() == null ? -1 : form.version(), form.command());
            return "redirect:/resources/teams/" + id;
        } catch (InvalidInputException | ConflictException e) {
            return form(model, form, t, format.errors(e));
        }
    }

    private String form(Model model, TeamForm form, @Nullable Team team, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("team", team);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", TeamKind.values());
        return "resource/team-form";
    }

    // ---- detail, status, members -------------------------------------------------------------------------------

    @GetMapping("/resources/teams/{id}")
    String detail(@PathVariable UUID id, Model model) {
        return detail(find(id), model, Map.of());
    }

    private String detail(Team t, Model model, Map<String, String> errors) {
        model.addAttribute("team", t);
        model.addAttribute("history", teams.history(t.id()));
        model.addAttribute("members", teams.members(t.id()));
        model.addAttribute("effective", teams.effectiveCapabilities(t.id()));
        model.addAttribute(
                "equipment",
                registries
                        .list(Registry.EQUIPMENT, null, t.id().value(), false, new PageQuery(0, 200))
                        .items());
        model.addAttribute("statuses", TeamStatus.values());
        model.addAttribute("canWrite", roles.canWrite());
        model.addAttribute("canOperate", roles.canOperate(t));
        model.addAttribute("today", teams.today());
        model.addAttribute("errors", errors);
        boolean operate = roles.canOperate(t);
        model.addAttribute("atScene", scene.active(t.id()).orElse(null));
        model.addAttribute(
                "openIncidents",
                operate
                        ? incidents.list(IncidentFilter.all(), new PageQuery(0, 50)).items().stream()
                                .filter(i -> i.state() != cn.yingji.incident.IncidentState.CLOSED)
                                .toList()
                        : List.of());
        model.addAttribute(
                "incident",
                t.currentIncident() == null
                        ? null
                        : incidents.find(new IncidentId(t.currentIncident())).orElse(null));
        return "resource/team";
    }

    @PostMapping("/resources/teams/{id}/status")
    String status(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String note,
            Model model) {
        Team t = find(id);
        try {
            TeamStatus s;
            try {
                s = status == null || status.isBlank() ? null : TeamStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                s = null;
            }
            if (s == null) {
                throw InvalidInputException.field("status", "resource.error.required");
            }
            teams.changeStatus(t.id(), s, note);
            return "redirect:/resources/teams/" + id;
        } catch (InvalidInputException | ConflictException e) {
            return detail(t, model, format.errors(e));
        }
    }

    @PostMapping("/resources/teams/{id}/check-in")
    String checkIn(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable UUID incident,
            @RequestParam(required = false) @Nullable String people,
            @RequestParam(required = false) @Nullable List<String> capabilities,
            @RequestParam(required = false) @Nullable String contact,
            Model model) {
        Team t = find(id);
        try {
            Errors errors = new Errors();
            Integer n = TeamImport.integer(people == null ? "" : people.strip(), "people", errors);
            errors.throwIfAny();
            scene.checkIn(t.id(), incident, n, capabilities, contact);
            return "redirect:/resources/teams/" + id;
        } catch (InvalidInputException | ConflictException e) {
            return detail(t, model, format.errors((DomainException) e));
        }
    }

    @PostMapping("/resources/teams/{id}/scene-reports")
    String sceneReport(@PathVariable UUID id, @RequestParam(required = false) @Nullable String report, Model model) {
        Team t = find(id);
        try {
            scene.report(t.id(), report);
            return "redirect:/resources/teams/" + id;
        } catch (InvalidInputException | ConflictException e) {
            return detail(t, model, format.errors((DomainException) e));
        }
    }

    @PostMapping("/resources/teams/{id}/check-out")
    String checkOut(@PathVariable UUID id, Model model) {
        Team t = find(id);
        try {
            scene.checkOut(t.id());
            return "redirect:/resources/teams/" + id;
        } catch (ConflictException e) {
            return detail(t, model, format.errors(e));
        }
    }

    @PostMapping("/resources/teams/{id}/members")
    String addMember(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String memberName,
            @RequestParam(required = false) @Nullable String memberRole,
            @RequestParam(required = false) @Nullable String memberPhone,
            Model model) {
        Team t = find(id);
        try {
            teams.addMember(t.id(), memberName, memberRole, memberPhone);
            return "redirect:/resources/teams/" + id + "#members";
        } catch (InvalidInputException e) {
            return detail(t, model, format.errors(e));
        }
    }

    @PostMapping("/resources/teams/{id}/members/{memberId}/skills")
    String addSkill(
            @PathVariable UUID id,
            @PathVariable UUID memberId,
            @RequestParam(required = false) @Nullable String capability,
            @RequestParam(required = false) @Nullable String certificate,
            @RequestParam(required = false) @Nullable String expiresOn,
            Model model) {
        Team t = find(id);
        try {
            LocalDate expires;
            try {
                expires = expiresOn == null || expiresOn.isBlank() ? null : LocalDate.parse(expiresOn.strip());
            } catch (DateTimeParseException e) {
                throw InvalidInputException.field("expiresOn", "resource.error.date");
            }
            teams.addSkill(t.id(), memberId, capability, certificate, expires);
            return "redirect:/resources/teams/" + id + "#members";
        } catch (InvalidInputException e) {
            return detail(t, model, format.errors(e));
        }
    }

    @PostMapping("/resources/teams/{id}/members/{memberId}/delete")
    String removeMember(@PathVariable UUID id, @PathVariable UUID memberId) {
        teams.removeMember(find(id).id(), memberId);
        return "redirect:/resources/teams/" + id + "#members";
    }

    // ---- map and dispatch --------------------------------------------------------------------------------------

    @GetMapping("/resources/map")
    String map(Model model) {
        model.addAttribute("tileUrl", tileUrl);
        model.addAttribute("tileAttribution", tileAttribution);
        model.addAttribute("statuses", TeamStatus.values());
        return "resource/map";
    }

    @GetMapping("/resources/dispatch")
    String dispatchPage(@RequestParam(required = false) @Nullable UUID incident, Model model) {
        return dispatchPage(incident, model, null);
    }

    private String dispatchPage(@Nullable UUID incident, Model model, @Nullable String error) {
        model.addAttribute("error", error);
        model.addAttribute("canWrite", roles.canWrite());
        model.addAttribute(
                "incidents",
                incidents.list(IncidentFilter.all(), new PageQuery(0, 50)).items());
        Incident chosen = incident == null ? null : incidents.require(new IncidentId(incident));
        model.addAttribute("incident", chosen);
        if (chosen != null) {
            model.addAttribute(
                    "needed",
                    teams.eventCapabilities()
                            .getOrDefault(
                                    chosen.typeCode(), teams.eventCapabilities().getOrDefault("*", List.of())));
            model.addAttribute("recommendations", teams.recommend(chosen.id(), 10));
            model.addAttribute("engaged", teams.atIncident(chosen.id()));
            model.addAttribute("requests", requests.forIncident(chosen.id()));
            model.addAttribute("scene", scene.atScene(chosen.id()));
            model.addAttribute(
                    "stock",
                    registries.list(Registry.STOCK, null, null, false, new PageQuery(0, 200)).items().stream()
                            .filter(row -> row.available() > 0)
                            .toList());
        }
        return "resource/dispatch";
    }

    @PostMapping("/resources/dispatch/requests")
    String request(
            @RequestParam(required = false) @Nullable UUID incident,
            @RequestParam(required = false) @Nullable String capability,
            @RequestParam(required = false) @Nullable String quantity,
            @RequestParam(required = false) @Nullable String note,
            Model model) {
        if (incident == null) {
            throw InvalidInputException.field("incident", "resource.error.required");
        }
        try {
            Errors errors = new Errors();
            Integer q = TeamImport.integer(quantity == null ? "" : quantity.strip(), "quantity", errors);
            errors.throwIfAny();
            requests.request(incident, capability, q, note);
            return "redirect:/resources/dispatch?incident=" + incident + "#requests";
        } catch (InvalidInputException | ConflictException e) {
            return dispatchPage(
                    incident,
                    model,
                    format.errors((DomainException) e).values().stream()
                            .reduce((a, b) -> a + " " + b)
                            .orElse(null));
        }
    }

    /** Meets a support request with stock from a warehouse instead of a team. */
    @PostMapping("/resources/dispatch/requests/{id}/stock")
    String approveWithStock(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable UUID stock,
            @RequestParam(required = false) @Nullable String quantity,
            @RequestParam(required = false) @Nullable String note,
            Model model) {
        DispatchRequests.Request r = requests.find(id).orElseThrow(() -> new NotFoundException("dispatch request", id));
        try {
            Integer q;
            try {
                q = quantity == null || quantity.isBlank() ? null : Integer.valueOf(quantity.strip());
            } catch (NumberFormatException e) {
                throw InvalidInputException.field("quantity", "resource.error.positive");
            }
            requests.approveWithStock(id, stock, q, note);
            return "redirect:/resources/dispatch?incident=" + r.incidentId() + "#requests";
        } catch (InvalidInputException | ConflictException e) {
            return dispatchPage(
                    r.incidentId(),
                    model,
                    format.errors((DomainException) e).values().stream()
                            .reduce((a, b) -> a + " " + b)
                            .orElse(null));
        }
    }

    @PostMapping("/resources/dispatch/requests/{id}/reject")
    String reject(@PathVariable UUID id, @RequestParam(required = false) @Nullable String note, Model model) {
        DispatchRequests.Request r = requests.find(id).orElseThrow(() -> new NotFoundException("dispatch request", id));
        try {
            requests.reject(id, note);
            return "redirect:/resources/dispatch?incident=" + r.incidentId() + "#requests";
        } catch (InvalidInputException | ConflictException e) {
            return dispatchPage(
                    r.incidentId(),
                    model,
                    format.errors((DomainException) e).values().stream()
                            .reduce((a, b) -> a + " " + b)
                            .orElse(null));
        }
    }

    @PostMapping("/resources/dispatch")
    String dispatch(
            @RequestParam(required = false) @Nullable UUID incident,
            @RequestParam(required = false) @Nullable UUID team,
            @RequestParam(required = false) @Nullable UUID request,
            @RequestParam(required = false) @Nullable String note,
            Model model) {
        if (incident == null || team == null) {
            throw InvalidInputException.field("team", "resource.error.required");
        }
        try {
            if (request != null) {
                requests.approve(request, team, note);
                return "redirect:/resources/teams/" + team + "?dispatched=" + incident;
            }
            teams.dispatch(new TeamId(team), new IncidentId(incident), note);
            return "redirect:/resources/teams/" + team + "?dispatched=" + incident;
        } catch (InvalidInputException | ConflictException e) {
            return dispatchPage(
                    incident, model, format.errors((DomainException) e).get("_"));
        }
    }

    private Team find(UUID id) {
        return teams.find(new TeamId(id)).orElseThrow(() -> new NotFoundException("team", id));
    }
}
