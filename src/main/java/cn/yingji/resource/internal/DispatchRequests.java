package cn.yingji.resource.internal;

import cn.yingji.identity.AuditTrail;
import cn.yingji.identity.CurrentUser;
import cn.yingji.incident.Incident;
import cn.yingji.incident.IncidentId;
import cn.yingji.incident.Incidents;
import cn.yingji.resource.TeamId;
import cn.yingji.shared.ConflictException;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NotFoundException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Support requests between districts (跨区域调度): request → approve (by dispatching a team the approver has
 * jurisdiction over) or reject; the dispatched team later returns through its status. A request is visible where
 * its event is.
 */
@Service
class DispatchRequests {

    private final JdbcClient jdbc;
    private final TeamService teams;
    private final Incidents incidents;
    private final ResourceRoles roles;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final RegistryService registries;

    DispatchRequests(
            JdbcClient jdbc,
            TeamService teams,
            Incidents incidents,
            ResourceRoles roles,
            CurrentUser currentUser,
            AuditTrail audit,
            RegistryService registries) {
        this.jdbc = jdbc;
        this.teams = teams;
        this.incidents = incidents;
        this.roles = roles;
        this.currentUser = currentUser;
        this.audit = audit;
        this.registries = registries;
    }

    /** One request. */
    record Request(
            UUID id,
            UUID incidentId,
            String divisionPath,
            String capability,
            int quantity,
            @Nullable String note,
            String status,
            String requestedBy,
            Instant requestedAt,
            @Nullable String decidedBy,
            @Nullable Instant decidedAt,
            @Nullable String decisionNote,
            @Nullable UUID teamId,
            @Nullable UUID dispatchId,
            @Nullable UUID stockId,
            @Nullable Integer stockQuantity) {}

    private static final String COLUMNS = """
            id, incident_id, division_path, capability, quantity, note, status, requested_by, requested_at, decided_by, decided_at,
            decision_note, team_id, dispatch_id, stock_id, stock_quantity""";

    private static Request row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new Request(
                rs.getObject("id", UUID.class),
                rs.getObject("incident_id", UUID.class),
                rs.getString("division_path"),
                rs.getString("capability"),
                rs.getInt("quantity"),
                rs.getString("note"),
                rs.getString("status"),
                rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(),
                rs.getString("decided_by"),
                decided == null ? null : decided.toInstant(),
                rs.getString("decision_note"),
                rs.getObject("team_id", UUID.class),
                rs.getObject("dispatch_id", UUID.class),
                rs.getObject("stock_id", UUID.class),
                (Integer) rs.getObject("stock_quantity"));
    }

    @Transactional(readOnly = true)
    public List<Request> forIncident(IncidentId incident) {
        incidents.require(incident);
        return jdbc.sql("select " + COLUMNS + " from resource.dispatch_requests where incident_id = :i"
                        + " and division_path like any (array[:scope]) order by requested_at")
                .param("i", incident.value())
                .param("scope", teams.scope())
                .query(DispatchRequests::row)
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<Request> find(UUID id) {
        return jdbc.sql("select " + COLUMNS
                        + " from resource.dispatch_requests where id = :id and division_path like any (array[:scope])")
                .param("id", id)
                .param("scope", teams.scope())
                .query(DispatchRequests::row)
                .optional();
    }

    private Request require(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundException("dispatch request", id));
    }

    @Transactional
    public UUID request(
            @Nullable UUID incidentId, @Nullable String capability, @Nullable Integer quantity, @Nullable String note) {
        roles.requireWriter();
        Errors errors = new Errors();
        if (incidentId == null) {
            errors.add("incidentId", "resource.error.required");
        }
        String cap = errors.text("capability", capability, 40, true);
        if (cap != null && !teams.capabilities().containsKey(cap)) {
            errors.add("capability", "resource.error.unknownCapability", cap);
        }
        if (quantity == null) {
            errors.add("quantity", "resource.error.required");
        } else if (quantity < 1 || quantity > 20) {
            errors.add("quantity", "resource.error.requestQuantity", 20);
        }
        String n = errors.text("note", note, 500, false);
        errors.throwIfAny();
        Incident incident = incidents.require(new IncidentId(incidentId));
        if (currentUser.get().isPresent()) {
            currentUser.requireCapture(incident.divisionPath(), "incident", incidentId);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into resource.dispatch_requests (id, incident_id, division_path, capability, quantity, note,
                            requested_by, requested_at) values (:id, :i, :p, :c, :q, :n, :by, :at)""")
                .param("id", id)
                .param("i", incidentId)
                .param("p", incident.divisionPath())
                .param("c", cap)
                .param("q", quantity)
                .param("n", n)
                .param("by", teams.who())
                .param("at", Timestamp.from(teams.now()))
                .update();
        audit.record(
                "request",
                "resource.dispatchRequest",
                id.toString(),
                incident.divisionPath(),
                null,
                Map.of("capability", cap, "quantity", quantity));
        return id;
    }

    /** Approves by dispatching {@code team} to the request's event; the team must be on standby and capturable. */
    @Transactional
    public UUID approve(UUID id, @Nullable UUID team, @Nullable String note) {
        Request r = require(id);
        roles.requireWriter();
        if (team == null) {
            throw InvalidInputException.field("teamId", "resource.error.required");
        }
        if (!r.status().equals("REQUESTED")) {
            throw new ConflictException("resource.error.requestDecided");
        }
        UUID dispatch = teams.dispatch(new TeamId(team), new IncidentId(r.incidentId()), note);
        int n = jdbc.sql("""
                        update resource.dispatch_requests set status = 'APPROVED', decided_by = :by, decided_at = :at,
                            decision_note = :n, team_id = :t, dispatch_id = :d, version = version + 1
                         where id = :id and status = 'REQUESTED'""")
                .param("id", id)
                .param("by", teams.who())
                .param("at", Timestamp.from(teams.now()))
                .param("n", note)
                .param("t", team)
                .param("d", dispatch)
                .update();
        if (n != 1) {
            throw new ConflictException("resource.error.requestDecided");
        }
        audit.record(
                "approve",
                "resource.dispatchRequest",
                id.toString(),
                r.divisionPath(),
                r,
                Map.of("team", team.toString()));
        return dispatch;
    }

    /**
     * Approves by sending stock: reserves {@code quantity} of the batch for the request's event (never below zero;
     * the approver needs capture over the warehouse), in the same transaction as the approval.
     */
    @Transactional
    public void approveWithStock(UUID id, @Nullable UUID stock, @Nullable Integer quantity, @Nullable String note) {
        Request r = require(id);
        roles.requireWriter();
        if (stock == null) {
            throw InvalidInputException.field("stockId", "resource.error.required");
        }
        if (!r.status().equals("REQUESTED")) {
            throw new ConflictException("resource.error.requestDecided");
        }
        registries.reserve(stock, quantity, r.incidentId(), note);
        int n = jdbc.sql("""
                        update resource.dispatch_requests set status = 'APPROVED', decided_by = :by, decided_at = :at,
                            decision_note = :n, stock_id = :s, stock_quantity = :q, version = version + 1
                         where id = :id and status = 'REQUESTED'""")
                .param("id", id)
                .param("by", teams.who())
                .param("at", Timestamp.from(teams.now()))
                .param("n", note)
                .param("s", stock)
                .param("q", quantity)
                .update();
        if (n != 1) {
            throw new ConflictException("resource.error.requestDecided");
        }
        audit.record(
                "approve-stock",
                "resource.dispatchRequest",
                id.toString(),
                r.divisionPath(),
                r,
                Map.of("stock", stock.toString(), "quantity", quantity));
    }

    @Transactional
    public void reject(UUID id, @Nullable String note) {
        Request r = require(id);
        roles.requireWriter();
        Errors errors = new Errors();
        String n = errors.text("note", note, 500, true);
        errors.throwIfAny();
        int updated = jdbc.sql("""
                        update resource.dispatch_requests set status = 'REJECTED', decided_by = :by, decided_at = :at,
                            decision_note = :n, version = version + 1
                         where id = :id and status = 'REQUESTED'""")
                .param("id", id)
                .param("by", teams.who())
                .param("at", Timestamp.from(teams.now()))
                .param("n", n)
                .update();
        if (updated != 1) {
            throw new ConflictException("resource.error.requestDecided");
        }
        audit.record("reject", "resource.dispatchRequest", id.toString(), r.divisionPath(), r, Map.of("note", n));
    }
}
