package cn.yingji.resource.internal;

import cn.yingji.geo.Division;
import cn.yingji.geo.DivisionCode;
import cn.yingji.geo.Divisions;
import cn.yingji.geo.Location;
import cn.yingji.identity.AuditTrail;
import cn.yingji.identity.CurrentUser;
import cn.yingji.identity.UserManagement;
import cn.yingji.incident.Incident;
import cn.yingji.incident.IncidentId;
import cn.yingji.incident.IncidentState;
import cn.yingji.incident.Incidents;
import cn.yingji.resource.NewTeam;
import cn.yingji.resource.Recommendation;
import cn.yingji.resource.RescueTeams;
import cn.yingji.resource.Team;
import cn.yingji.resource.TeamDispatched;
import cn.yingji.resource.TeamId;
import cn.yingji.resource.TeamKind;
import cn.yingji.resource.TeamManagement;
import cn.yingji.resource.TeamStatus;
import cn.yingji.resource.TeamStatusChanged;
import cn.yingji.shared.ConflictException;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NotFoundException;
import cn.yingji.shared.PageQuery;
import cn.yingji.shared.PageResult;
import cn.yingji.shared.web.Problems;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Rescue teams: validation, jurisdiction, roles, audit, events and the recommendation around the store. */
@Service
class TeamService implements RescueTeams, TeamManagement {

    private final JdbcTeamStore store;
    private final RecommendationIndex index;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final ResourceRoles roles;
    private final Divisions divisions;
    private final UserManagement users;
    private final Incidents incidents;
    private final ApplicationEventPublisher events;
    private final Problems problems;
    private final ZoneId zone;
    private final Clock clock = Clock.systemUTC();

    TeamService(
            JdbcTeamStore store,
            RecommendationIndex index,
            CurrentUser currentUser,
            AuditTrail audit,
            ResourceRoles roles,
            Divisions divisions,
            UserManagement users,
            Incidents incidents,
            ApplicationEventPublisher events,
            Problems problems,
            @Value("${yingji.zone:Asia/Shanghai}") String zone) {
        this.store = store;
        this.index = index;
        this.currentUser = currentUser;
        this.audit = audit;
        this.roles = roles;
        this.divisions = divisions;
        this.users = users;
        this.incidents = incidents;
        this.events = events;
        this.problems = problems;
        this.zone = ZoneId.of(zone);
    }

    List<String> scope() {
        return currentUser.get().isPresent() ? currentUser.jurisdiction().viewPatterns() : JdbcTeamStore.EVERYTHING;
    }

    private void requireCapture(String path, Object id) {
        if (currentUser.get().isPresent()) {
            currentUser.requireCapture(path, "team", id);
        }
    }

    String who() {
        return currentUser.get().map(CurrentUser.Account::displayName).orElse("system");
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    Team require(TeamId id) {
        return store.team(id.value(), scope()).orElseThrow(() -> new NotFoundException("team", id));
    }

    // ---- reads -------------------------------------------------------------------------------------------------

    @Override
    @Transactional(readOnly = true)
    public Optional<Team> find(TeamId id) {
        return store.team(id.value(), scope());
    }

    @Override
    @Transactional(readOnly = true)
    public PageResult<Team> list(
            @Nullable String q, @Nullable TeamKind kind, @Nullable TeamStatus status, PageQuery page) {
        return store.teams(q, kind, status, page, scope());
    }

    @Transactional(readOnly = true)
    public void each(@Nullable String q, @Nullable TeamKind kind, @Nullable TeamStatus status, Consumer<Team> sink) {
        store.eachTeam(q, kind, status, scope(), sink);
    }

    @Transactional(readOnly = true)
    public List<JdbcTeamStore.StatusEntry> history(TeamId id) {
        return store.history(require(id).id().value());
    }

    @Transactional(readOnly = true)
    public List<JdbcTeamStore.Member> members(TeamId id) {
        return store.members(require(id).id().value());
    }

    /** Visible teams working on an event (dispatched, on scene or returning), longest-engaged first. */
    @Transactional(readOnly = true)
    public List<Team> atIncident(IncidentId incident) {
        return store.teamsAtIncident(incident.value(), scope());
    }

    @Transactional(readOnly = true)
    public List<Team> myTeams() {
        return currentUser
                .get()
                .map(a -> store.teamsOfLeader(a.username(), scope()))
                .orElse(List.of());
    }

    /** Certificates expired or expiring within {@code days} days, in the caller's scope (warnings). */
    @Transactional(readOnly = true)
    public List<JdbcTeamStore.ExpiringCertificate> expiringCertificates(int days) {
        return store.expiringCertificates(today().plusDays(days), scope());
    }

    Map<String, String[]> capabilities() {
        return store.capabilities();
    }

    Map<String, List<String>> eventCapabilities() {
        return store.eventCapabilities();
    }

    /** The localised name of a capability code. */
    String capabilityName(String code) {
        String[] n = store.capabilities().get(code);
        if (n == null) {
            return code;
        }
        return "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? n[1] : n[0];
    }

    /** The capabilities the team offers for matching today: declared plus skills with a valid certificate. */
    @Transactional(readOnly = true)
    public List<String> effectiveCapabilities(TeamId id) {
        Team t = require(id);
        RecommendationSnapshot s = index.snapshot();
        LinkedHashSet<String> out = new LinkedHashSet<>();
        out.add(t.primaryCapability());
        out.addAll(t.capabilities());
        LocalDate day = today();
        for (JdbcTeamStore.Member m : store.members(t.id().value())) {
            for (JdbcTeamStore.Skill sk : m.skills()) {
                if (sk.validOn(day)) {
                    out.add(sk.capability());
                }
            }
        }
        List<String> sorted = new ArrayList<>();
        for (String code : s.capabilityCodes()) {
            if (out.contains(code)) {
                sorted.add(code);
            }
        }
        return sorted;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Recommendation> recommend(IncidentId incidentId, int limit) {
        if (limit < 1 || limit > 100) {
            throw InvalidInputException.field("limit", "resource.error.limit", 100);
        }
        Incident incident = incidents.require(incidentId);
        List<String> needed = store.neededCapabilities(incident.typeCode());
        return recommend(needed, incident.lon(), incident.lat(), limit);
    }

    List<Recommendation> recommend(List<String> needed, double lon, double lat, int limit) {
        RecommendationSnapshot s = index.snapshot();
        List<String> scopes =
                currentUser.get().isPresent() ? currentUser.jurisdiction().view() : null;
        List<RecommendationSnapshot.Ranked> ranked = s.rank(s.mask(needed), lon, lat, today(), scopes, limit);
        List<Recommendation> out = new ArrayList<>(ranked.size());
        int rank = 1;
        for (RecommendationSnapshot.Ranked r : ranked) {
            List<String> covered = s.codes(r.covered());
            List<String> missing = s.codes(r.missing());
            out.add(new Recommendation(
                    rank++,
                    r.team(),
                    Math.round(r.score() * 1000) / 1000.0,
                    covered,
                    missing,
                    Math.round(r.distanceKm() * 10) / 10.0,
                    r.recentDispatches(),
                    r.equipment(),
                    explain(r, covered, missing, needed.size())));
        }
        return out;
    }

    private String explain(RecommendationSnapshot.Ranked r, List<String> covered, List<String> missing, int needed) {
        String coveredNames =
                String.join("、", covered.stream().map(this::capabilityName).toList());
        String text = problems.text(
                "resource.recommend.explain",
                covered.size(),
                needed,
                coveredNames,
                String.format(Locale.ROOT, "%.1f", r.distanceKm()),
                problems.text("resource.readiness." + r.team().readiness()),
                r.recentDispatches(),
                r.equipment());
        if (!missing.isEmpty()) {
            text += problems.text(
                    "resource.recommend.missing",
                    String.join("、", missing.stream().map(this::capabilityName).toList()));
        }
        return text;
    }

    // ---- writes ------------------------------------------------------------------------------------------------

    /** Validates a team command into a row (id and status supplied), adding every problem to {@code errors}. */
    @Nullable
    Team validate(NewTeam cmd, Errors errors, TeamId id, @Nullable Team before) {
        String name = errors.text("name", cmd.name(), 200, true);
        if (cmd.kind() == null) {
            errors.add("kind", "resource.error.required");
        }
        String organisation = errors.text("organisation", cmd.organisation(), 200, false);
        String base = errors.text("base", cmd.base(), 200, false);
        int headcount = errors.count("headcount", cmd.headcount(), true);
        Map<String, String[]> caps = store.capabilities();
        String primary = errors.text("primaryCapability", cmd.primaryCapability(), 40, true);
        if (primary != null && !caps.containsKey(primary)) {
            errors.add("primaryCapability", "resource.error.unknownCapability", primary);
        }
        List<String> further = new ArrayList<>();
        if (cmd.capabilities() != null) {
            for (String c : cmd.capabilities()) {
                String code = c == null ? "" : c.strip();
                if (code.isEmpty() || code.equals(primary) || further.contains(code)) {
                    continue;
                }
                if (!caps.containsKey(code)) {
                    errors.add("capabilities", "resource.error.unknownCapability", code);
                } else {
                    further.add(code);
                }
            }
        }
        int readiness = cmd.readiness() == null ? 0 : cmd.readiness();
        if (cmd.readiness() == null) {
            errors.add("readiness", "resource.error.required");
        } else if (readiness < 1 || readiness > 3) {
            errors.add("readiness", "resource.error.readiness");
        }
        errors.coordinates(cmd.lon(), cmd.lat(), true);
        String leader = errors.text("leaderUsername", cmd.leaderUsername(), 100, false);
        if (leader != null && users.findByUsername(leader).isEmpty()) {
            errors.add("leaderUsername", "resource.error.unknownUser", leader);
        }
        String phone = errors.text("phone", cmd.phone(), 40, false);
        String path = before != null ? before.divisionPath() : bindPath(cmd, errors);
        if (errors.any() || name == null || primary == null || path == null || cmd.kind() == null) {
            return null;
        }
        return new Team(
                id,
                name,
                cmd.kind(),
                organisation,
                base,
                headcount,
                primary,
                further,
                readiness,
                cmd.lon(),
                cmd.lat(),
                path,
                leader,
                phone,
                before == null ? TeamStatus.STANDBY : before.status(),
                before == null ? now() : before.statusAt(),
                before == null ? null : before.currentIncident(),
                before == null ? null : before.lastPingAt(),
                before == null ? 0 : before.version() + 1);
    }

    /** The division path from an explicit code, else from the coordinates. */
    @Nullable
    String bindPath(NewTeam cmd, Errors errors) {
        String code = cmd.divisionCode() == null ? "" : cmd.divisionCode().strip();
        return bindPath(code, cmd.lon(), cmd.lat(), errors);
    }

    @Nullable
    String bindPath(String code, @Nullable Double lon, @Nullable Double lat, Errors errors) {
        if (!code.isEmpty()) {
            Division d = code.matches("\\d{12}")
                    ? divisions.find(DivisionCode.of(code)).orElse(null)
                    : null;
            if (d == null) {
                errors.add("divisionCode", "resource.error.unknownDivision", code);
                return null;
            }
            return d.path();
        }
        if (lon != null && lat != null && !errors.has("lon") && !errors.has("lat")) {
            Location loc = divisions.locate(lon, lat).orElse(null);
            if (loc != null && !loc.chain().isEmpty()) {
                return loc.path();
            }
            errors.add("lon", "resource.error.outsideDivisions");
        }
        return null;
    }

    @Override
    @Transactional
    public TeamId create(NewTeam cmd) {
        roles.requireWriter();
        Errors errors = new Errors();
        TeamId id = TeamId.random();
        Team t = validate(cmd, errors, id, null);
        if (t != null && store.nameTaken(t.divisionPath(), t.name(), null)) {
            errors.add("name", "resource.error.duplicateName");
        }
        errors.throwIfAny();
        requireCapture(t.divisionPath(), id);
        insert(t);
        return id;
    }

    void insert(Team t) {
        store.insertTeam(t, now());
        store.bumpVersion();
        audit.record("create", "resource.team", t.id().toString(), t.divisionPath(), null, t);
        index.changedAfterCommit();
    }

    /** Imports validated teams in one transaction (the caller validated every row). */
    @Transactional
    public int insertAll(List<Team> teams) {
        roles.requireWriter();
        for (Team t : teams) {
            requireCapture(t.divisionPath(), t.id());
            if (store.nameTaken(t.divisionPath(), t.name(), null)) {
                throw new ConflictException("resource.error.duplicateNameImport", t.name());
            }
            insert(t);
        }
        return teams.size();
    }

    @Override
    @Transactional
    public Team update(TeamId id, int expectedVersion, NewTeam cmd) {
        Team before = require(id);
        requireCapture(before.divisionPath(), id);
        roles.requireWriter();
        Errors errors = new Errors();
        Team after = validate(cmd, errors, id, before);
        if (after != null && store.nameTaken(after.divisionPath(), after.name(), id.value())) {
            errors.add("name", "resource.error.duplicateName");
        }
        errors.throwIfAny();
        if (before.version() != expectedVersion || !store.updateTeam(after, expectedVersion, now())) {
            throw new ConflictException("resource.error.stale");
        }
        store.bumpVersion();
        audit.record("update", "resource.team", id.toString(), after.divisionPath(), before, after);
        index.changedAfterCommit();
        return after;
    }

    @Override
    @Transactional
    public Team changeStatus(TeamId id, TeamStatus status, @Nullable String note) {
        Team before = require(id);
        requireCapture(before.divisionPath(), id);
        roles.requireOperator(before);
        if (status == null) {
            throw InvalidInputException.field("status", "resource.error.required");
        }
        Errors errors = new Errors();
        String n = errors.text("note", note, 500, false);
        errors.throwIfAny();
        if (before.status() == status) {
            throw new ConflictException("resource.error.sameStatus");
        }
        UUID incident = status == TeamStatus.STANDBY ? null : before.currentIncident();
        return move(before, status, incident, n);
    }

    /** Moves a team for the on-scene workflow (check-in, check-out); the caller checked roles and jurisdiction. */
    Team moveForScene(Team before, TeamStatus to, @Nullable UUID incident, @Nullable String note) {
        return move(before, to, incident, note);
    }

    private Team move(Team before, TeamStatus to, @Nullable UUID incident, @Nullable String note) {
        Instant now = now();
        if (!store.moveStatus(before.id().value(), before.status(), to, incident, now)) {
            throw new ConflictException("resource.error.statusChanged");
        }
        store.history(before.id().value(), before.status(), to, incident, note, now, who());
        long version = store.bumpVersionReturning();
        Team after = store.team(before.id().value(), JdbcTeamStore.EVERYTHING).orElseThrow();
        audit.record("status", "resource.team", before.id().toString(), before.divisionPath(), before, after);
        double[] pos = store.lastPosition(before.id().value()).orElse(new double[] {before.lon(), before.lat()});
        events.publishEvent(new TeamStatusChanged(
                before.id().value(),
                before.name(),
                before.divisionPath(),
                before.status(),
                to,
                incident,
                pos[0],
                pos[1],
                now,
                who()));
        index.teamChangedAfterCommit(after, version);
        return after;
    }

    @Override
    @Transactional
    public boolean ping(TeamId id, String idempotencyKey, double lon, double lat, @Nullable Instant at) {
        Team t = require(id);
        requireCapture(t.divisionPath(), id);
        roles.requireOperator(t);
        Errors errors = new Errors();
        String key = errors.text("idempotencyKey", idempotencyKey, 100, true);
        errors.coordinates(lon, lat, true);
        Instant now = now();
        if (at != null && at.isAfter(now.plusSeconds(300))) {
            errors.add("at", "resource.error.future");
        }
        errors.throwIfAny();
        Instant when = at == null ? now : at.truncatedTo(ChronoUnit.MICROS);
        if (!store.insertPing(t.id().value(), key, lon, lat, when, now)) {
            return false;
        }
        audit.record("ping", "resource.team", id.toString(), t.divisionPath(), null, Map.of("lon", lon, "lat", lat));
        events.publishEvent(new TeamStatusChanged(
                t.id().value(),
                t.name(),
                t.divisionPath(),
                t.status(),
                t.status(),
                t.currentIncident(),
                lon,
                lat,
                when,
                who()));
        return true;
    }

    @Override
    @Transactional
    public UUID dispatch(TeamId teamId, IncidentId incidentId, @Nullable String note) {
        roles.requireWriter();
        Incident incident = incidents.require(incidentId);
        Team team = require(teamId);
        requireCapture(team.divisionPath(), teamId);
        Errors errors = new Errors();
        String n = errors.text("note", note, 500, false);
        errors.throwIfAny();
        if (incident.state() == IncidentState.CLOSED) {
            throw new ConflictException("resource.error.incidentClosed");
        }
        if (team.status() != TeamStatus.STANDBY) {
            throw new ConflictException("resource.error.notStandby", team.name());
        }
        Instant now = now();
        Team after;
        try {
            after = move(team, TeamStatus.DISPATCHED, incidentId.value(), n);
        } catch (ConflictException e) {
            throw new ConflictException("resource.error.notStandby", team.name());
        }
        UUID dispatchId = UUID.randomUUID();
        store.insertDispatch(
                dispatchId, team.id().value(), incidentId.value(), team.divisionPath(), now, who(), n == null ? "" : n);
        audit.record(
                "dispatch",
                "resource.dispatch",
                dispatchId.toString(),
                team.divisionPath(),
                null,
                Map.of("team", team.id().toString(), "incident", incidentId.toString()));
        events.publishEvent(new TeamDispatched(
                dispatchId,
                incidentId.value(),
                team.id().value(),
                team.name(),
                team.leaderUsername(),
                team.divisionPath(),
                now,
                who(),
                n == null ? "" : n));
        return dispatchId;
    }

    // ---- members and skills ------------------------------------------------------------------------------------

    @Transactional
    public UUID addMember(TeamId id, @Nullable String name, @Nullable String role, @Nullable String phone) {
        Team t = require(id);
        requireCapture(t.divisionPath(), id);
        roles.requireWriter();
        Errors errors = new Errors();
        String n = errors.text("memberName", name, 100, true);
        String r = errors.text("memberRole", role, 100, false);
        String p = errors.text("memberPhone", phone, 40, false);
        errors.throwIfAny();
        UUID member = UUID.randomUUID();
        store.insertMember(member, t.id().value(), n, r, p, t.divisionPath(), now());
        audit.record("create", "resource.member", member.toString(), t.divisionPath(), null, Map.of("name", n));
        return member;
    }

    @Transactional
    public void removeMember(TeamId id, UUID member) {
        Team t = require(id);
        requireCapture(t.divisionPath(), id);
        roles.requireWriter();
        if (!store.teamOfMember(member).map(t.id().value()::equals).orElse(false)) {
            throw new NotFoundException("member", member);
        }
        store.deleteMember(member);
        store.bumpVersion();
        audit.record("delete", "resource.member", member.toString(), t.divisionPath(), null, null);
        index.changedAfterCommit();
    }

    @Transactional
    public UUID addSkill(
            TeamId id,
            UUID member,
            @Nullable String capability,
            @Nullable String certificate,
            @Nullable LocalDate expiresOn) {
        Team t = require(id);
        requireCapture(t.divisionPath(), id);
        roles.requireWriter();
        if (!store.teamOfMember(member).map(t.id().value()::equals).orElse(false)) {
            throw new NotFoundException("member", member);
        }
        Errors errors = new Errors();
        String cap = errors.text("capability", capability, 40, true);
        if (cap != null && !store.capabilities().containsKey(cap)) {
            errors.add("capability", "resource.error.unknownCapability", cap);
        }
        String cert = errors.text("certificate", certificate, 100, false);
        errors.throwIfAny();
        UUID skill = UUID.randomUUID();
        store.insertSkill(skill, member, cap, cert, expiresOn);
        store.bumpVersion();
        audit.record(
                "create",
                "resource.skill",
                skill.toString(),
                t.divisionPath(),
                null,
                Map.of("capability", cap, "expiresOn", String.valueOf(expiresOn)));
        index.changedAfterCommit();
        return skill;
    }

    @Transactional
    public void renewSkill(TeamId id, UUID member, UUID skill, @Nullable LocalDate expiresOn) {
        Team t = require(id);
        requireCapture(t.divisionPath(), id);
        roles.requireWriter();
        if (!store.teamOfMember(member).map(t.id().value()::equals).orElse(false)
                || !store.updateSkillExpiry(skill, member, expiresOn)) {
            throw new NotFoundException("skill", skill);
        }
        store.bumpVersion();
        audit.record(
                "update",
                "resource.skill",
                skill.toString(),
                t.divisionPath(),
                null,
                Map.of("expiresOn", String.valueOf(expiresOn)));
        index.changedAfterCommit();
    }
}
