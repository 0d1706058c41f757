package cn.yingji.command.internal;

import cn.yingji.command.NewPlan;
import cn.yingji.command.Plan;
import cn.yingji.command.PlanAction;
import cn.yingji.command.PlanId;
import cn.yingji.command.PlanKind;
import cn.yingji.command.PlanLevel;
import cn.yingji.command.PlanManagement;
import cn.yingji.command.PlanMatch;
import cn.yingji.command.PlanStatus;
import cn.yingji.command.Plans;
import cn.yingji.command.ResponseLevel;
import cn.yingji.geo.Division;
import cn.yingji.geo.DivisionCode;
import cn.yingji.geo.Divisions;
import cn.yingji.identity.AuditTrail;
import cn.yingji.identity.UserManagement;
import cn.yingji.incident.Incident;
import cn.yingji.incident.IncidentId;
import cn.yingji.incident.Incidents;
import cn.yingji.shared.ConflictException;
import cn.yingji.shared.DomainException.FieldError;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NotFoundException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The plan registry: reads scoped to the caller, validated and audited writes, matching against events. */
@Service
class DefaultPlans implements Plans, PlanManagement {

    private final JdbcCommandStore store;
    private final CommandSupport.CommandRoles roles;
    private final Incidents incidents;
    private final Divisions divisions;
    private final UserManagement users;
    private final AuditTrail audit;
    private final PlanMatcher matcher;

    DefaultPlans(
            JdbcCommandStore store,
            CommandSupport.CommandRoles roles,
            CommandSupport.Properties properties,
            Incidents incidents,
            Divisions divisions,
            UserManagement users,
            AuditTrail audit) {
        this.store = store;
        this.roles = roles;
        this.incidents = incidents;
        this.divisions = divisions;
        this.users = users;
        this.audit = audit;
        this.matcher = new PlanMatcher(properties);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Plan> list(@Nullable PlanStatus status) {
        return store.plans(roles.patterns(), status);
    }

    @Override
    @Transactional(readOnly = true)
    public Plan require(PlanId id) {
        return store.plan(id.value()).filter(this::visible).orElseThrow(() -> new NotFoundException("plan", id));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Plan> findByCode(String code) {
        return store.planByCode(code).filter(this::visible);
    }

    /** A plan is visible when it applies somewhere inside the caller's view scope, or lies inside it. */
    boolean visible(Plan p) {
        List<String> patterns = roles.patterns();
        if (patterns == null) {
            return true;
        }
        for (String pattern : patterns) {
            String root = pattern.endsWith("%") ? pattern.substring(0, pattern.length() - 1) : pattern;
            if (p.divisionPath().startsWith(root) || root.startsWith(p.divisionPath())) {
                return true;
            }
        }
        return false;
    }

    @Override
    @Transactional(readOnly = true)
    public List<PlanMatch> match(IncidentId id) {
        Incident incident = incidents.require(id);
        return matcher.match(incident, store.activePlansContaining(incident.divisionPath()));
    }

    @Nullable
    ResponseLevel suggest(Plan plan, Incident incident) {
        return matcher.suggest(plan, incident.grade());
    }

    @Override
    @Transactional
    public Plan create(NewPlan input) {
        Plan p = validate(input, null);
        roles.requirePlanEditor(p.divisionPath());
        if (store.codeTaken(p.code(), null)) {
            throw new ConflictException("command.error.codeTaken", p.code());
        }
        UUID id = UUID.randomUUID();
        store.savePlan(id, p, roles.actor(), null);
        Plan saved = store.plan(id).orElseThrow();
        audit.record("create", "command.plan", id.toString(), saved.divisionPath(), null, saved);
        return saved;
    }

    @Override
    @Transactional
    public Plan update(PlanId id, NewPlan input, int expectedVersion) {
        Plan before = require(id);
        roles.requirePlanEditor(before.divisionPath());
        Plan p = validate(input, id.value());
        roles.requirePlanEditor(p.divisionPath());
        if (store.codeTaken(p.code(), id.value())) {
            throw new ConflictException("command.error.codeTaken", p.code());
        }
        if (!store.savePlan(id.value(), p, roles.actor(), expectedVersion)) {
            throw new ConflictException("command.error.stale");
        }
        Plan after = store.plan(id.value()).orElseThrow();
        audit.record("update", "command.plan", id.toString(), after.divisionPath(), before, after);
        return after;
    }

    private Plan validate(NewPlan in, @Nullable UUID id) {
        List<FieldError> errors = new ArrayList<>();
        String code = trim(in.code());
        String name = trim(in.name());
        String issuer = trim(in.issuer());
        if (code == null) {
            errors.add(new FieldError("code", "command.error.required"));
        } else if (!code.matches("[A-Za-z0-9._-]{2,40}")) {
            errors.add(new FieldError("code", "command.error.code"));
        }
        if (name == null) {
            errors.add(new FieldError("name", "command.error.required"));
        }
        if (issuer == null) {
            errors.add(new FieldError("issuer", "command.error.required"));
        }
        if (in.kind() == null) {
            errors.add(new FieldError("kind", "command.error.required"));
        }
        String path = null;
        String divisionCode = trim(in.divisionCode());
        if (divisionCode == null) {
            errors.add(new FieldError("divisionCode", "command.error.required"));
        } else {
            try {
                path = divisions
                        .find(DivisionCode.of(divisionCode))
                        .map(Division::path)
                        .orElse(null);
            } catch (IllegalArgumentException e) {
                path = null;
            }
            if (path == null) {
                errors.add(new FieldError("divisionCode", "command.error.unknownDivision", divisionCode));
            }
        }
        Set<String> types = new LinkedHashSet<>();
        for (String t : in.eventTypes() == null ? List.<String>of() : in.eventTypes()) {
            String code2 = trim(t);
            if (code2 == null) {
                continue;
            }
            if (incidents.eventType(code2).isEmpty()) {
                errors.add(new FieldError("eventTypes", "command.error.unknownType", code2));
            }
            types.add(code2);
        }
        if (in.kind() == PlanKind.SPECIAL && types.isEmpty()) {
            errors.add(new FieldError("eventTypes", "command.error.specialNeedsTypes"));
        }
        List<PlanLevel> levels = new ArrayList<>();
        Set<ResponseLevel> defined = EnumSet.noneOf(ResponseLevel.class);
        for (PlanLevel l : in.levels() == null ? List.<PlanLevel>of() : in.levels()) {
            if (l == null || l.level() == null) {
                errors.add(new FieldError("levels", "command.error.required"));
                continue;
            }
            String trigger = trim(l.triggerText());
            if (trigger == null) {
                errors.add(new FieldError(
                        "levels", "command.error.triggerRequired", l.level().name()));
                continue;
            }
            if (!defined.add(l.level())) {
                errors.add(new FieldError(
                        "levels", "command.error.levelTwice", l.level().name()));
                continue;
            }
            levels.add(new PlanLevel(l.level(), l.minGrade(), trigger));
        }
        if (levels.isEmpty()) {
            errors.add(new FieldError("levels", "command.error.noLevels"));
        }
        levels.sort(java.util.Comparator.comparing(PlanLevel::level));
        List<PlanAction> actions = new ArrayList<>();
        Set<String> seqs = new HashSet<>();
        int line = 0;
        for (PlanAction a : in.actions() == null ? List.<PlanAction>of() : in.actions()) {
            line++;
            if (a == null) {
                continue;
            }
            String text = trim(a.action());
            String responsible = trim(a.responsible());
            String user = trim(a.responsibleUser());
            if (a.level() == null || text == null || responsible == null || a.responsibleKind() == null) {
                errors.add(new FieldError("actions", "command.error.actionIncomplete", line));
                continue;
            }
            if (!defined.contains(a.level())) {
                errors.add(new FieldError(
                        "actions", "command.error.actionLevel", line, a.level().name()));
            }
            if (a.dueMinutes() <= 0 || a.dueMinutes() > 60 * 24 * 30) {
                errors.add(new FieldError("actions", "command.error.actionDue", line));
            }
            if (user != null && users.findByUsername(user).isEmpty()) {
                errors.add(new FieldError("actions", "command.error.unknownUser", user));
            }
            int seq = a.seq() > 0 ? a.seq() : line;
            if (!seqs.add(a.level() + "/" + seq)) {
                seq = line + 1000;
            }
            actions.add(
                    new PlanAction(null, a.level(), seq, text, a.responsibleKind(), responsible, user, a.dueMinutes()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("error.validation", errors);
        }
        return new Plan(
                new PlanId(id == null ? new UUID(0, 0) : id),
                code,
                name,
                in.kind(),
                List.copyOf(types),
                path,
                issuer,
                trim(in.versionLabel()) == null ? "1.0" : trim(in.versionLabel()),
                in.effectiveOn(),
                in.status() == null ? PlanStatus.ACTIVE : in.status(),
                trim(in.summary()),
                levels,
                actions,
                0);
    }

    static @Nullable String trim(@Nullable String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
