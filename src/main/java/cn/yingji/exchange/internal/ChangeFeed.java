package cn.yingji.exchange.internal;

import cn.yingji.exchange.SharedResource;
import cn.yingji.exchange.WebhookEvent;
import cn.yingji.hazard.Hazard;
import cn.yingji.hazard.HazardCardRaised;
import cn.yingji.hazard.HazardId;
import cn.yingji.hazard.HazardReported;
import cn.yingji.hazard.HazardStateChanged;
import cn.yingji.hazard.Hazards;
import cn.yingji.incident.CasualtiesUpdated;
import cn.yingji.incident.Incident;
import cn.yingji.incident.IncidentGraded;
import cn.yingji.incident.IncidentId;
import cn.yingji.incident.IncidentReported;
import cn.yingji.incident.Incidents;
import cn.yingji.monitoring.WarningCancelled;
import cn.yingji.monitoring.WarningIssued;
import cn.yingji.monitoring.WarningUpdated;
import cn.yingji.resource.RescueTeams;
import cn.yingji.resource.TeamDispatched;
import cn.yingji.resource.TeamId;
import cn.yingji.resource.TeamStatusChanged;
import cn.yingji.shared.Uuids;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feeds the change log and the webhook queue from the other modules' events. Listeners run synchronously inside the
 * publishing transaction, so a change row and its deliveries commit (or roll back) with the change itself. The
 * snapshot is read through the owning module's API as the system (unfiltered), because the sharing decision is
 * made later, per client, from the row's division paths.
 */
@Component
class ChangeFeed {

    private final JdbcExchangeStore store;
    private final Incidents incidents;
    private final Hazards hazards;
    private final RescueTeams teams;
    private final JsonMapper json;

    ChangeFeed(JdbcExchangeStore store, Incidents incidents, Hazards hazards, RescueTeams teams, JsonMapper json) {
        this.store = store;
        this.incidents = incidents;
        this.hazards = hazards;
        this.teams = teams;
        this.json = json;
    }

    @EventListener
    void on(IncidentReported e) {
        record(e.incident(), "IncidentReported", WebhookEvent.EVENT_REPORTED);
    }

    @EventListener
    void on(IncidentGraded e) {
        event(e.id(), "IncidentGraded", WebhookEvent.EVENT_GRADED);
    }

    @EventListener
    void on(CasualtiesUpdated e) {
        event(e.id(), "CasualtiesUpdated", WebhookEvent.EVENT_CASUALTIES);
    }

    @EventListener
    void on(HazardReported e) {
        Hazard recorded = e.hazard();
        if (recorded == null) {
            hazard(e.id(), "HazardReported", WebhookEvent.HAZARD_REPORTED);
        } else {
            hazard(recorded, "HazardReported", WebhookEvent.HAZARD_REPORTED);
        }
    }

    @EventListener
    void on(HazardStateChanged e) {
        hazard(e.id(), "HazardStateChanged", WebhookEvent.HAZARD_STATE_CHANGED);
    }

    @EventListener
    void on(HazardCardRaised e) {
        hazard(
                e.id(),
                "HazardCardRaised",
                e.card() == cn.yingji.hazard.HazardCard.RED ? WebhookEvent.HAZARD_OVERDUE : null);
    }

    @EventListener
    void on(TeamStatusChanged e) {
        team(e.teamId(), "TeamStatusChanged", WebhookEvent.TEAM_STATUS_CHANGED);
    }

    @EventListener
    void on(TeamDispatched e) {
        team(e.teamId(), "TeamDispatched", WebhookEvent.TEAM_DISPATCHED);
    }

    @EventListener
    void on(WarningIssued e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id().value().toString());
        m.put("level", e.level().name());
        m.put("eventType", e.eventType());
        m.put("title", e.title());
        m.put("divisionCodes", e.divisionCodes());
        m.put("divisionPaths", e.divisionPaths());
        m.put("sender", e.sender());
        m.put("external", e.external());
        m.put("drill", e.drill());
        m.put("effective", e.effective().toString());
        Representations.put(m, "expires", e.expires());
        m.put("issuedAt", e.issuedAt().toString());
        m.put("status", "ISSUED");
        warning(e.id().value(), "WarningIssued", e.divisionPaths(), m, WebhookEvent.WARNING_ISSUED);
    }

    @EventListener
    void on(WarningUpdated e) {
        Map<String, Object> m = previousWarning(e.id().value());
        m.put("id", e.id().value().toString());
        m.put("level", e.level().name());
        m.put("previousLevel", e.oldLevel().name());
        m.put("divisionCodes", e.divisionCodes());
        m.put("divisionPaths", e.divisionPaths());
        m.put("drill", e.drill());
        Representations.put(m, "expires", e.expires());
        m.put("updatedAt", e.at().toString());
        m.put("status", "UPDATED");
        warning(e.id().value(), "WarningUpdated", e.divisionPaths(), m, WebhookEvent.WARNING_UPDATED);
    }

    @EventListener
    void on(WarningCancelled e) {
        var before = store.latest(SharedResource.WARNINGS, e.id().value());
        if (before.isEmpty()) {
            // Nothing known about where it applied: it was never shared, so there is nobody to tell.
            return;
        }
        Map<String, Object> m = previousWarning(e.id().value());
        m.put("id", e.id().value().toString());
        m.put("drill", e.drill());
        m.put("cancelledAt", e.at().toString());
        m.put("status", "CANCELLED");
        warning(e.id().value(), "WarningCancelled", before.get().divisionPaths(), m, WebhookEvent.WARNING_CANCELLED);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> previousWarning(UUID id) {
        return store.latest(SharedResource.WARNINGS, id)
                .map(c -> (Map<String, Object>)
                        new LinkedHashMap<String, Object>(json.readValue(c.snapshot(), Map.class)))
                .orElseGet(LinkedHashMap::new);
    }

    private void warning(UUID id, String change, List<String> paths, Map<String, Object> m, WebhookEvent type) {
        if (paths.isEmpty()) {
            return;
        }
        record(SharedResource.WARNINGS, id, change, paths, null, null, m, type);
    }

    private void event(IncidentId id, String change, WebhookEvent type) {
        asSystem(() -> incidents.find(id)).ifPresent(i -> record(i, change, type));
    }

    private void record(Incident i, String change, WebhookEvent type) {
        record(
                SharedResource.EVENTS,
                i.id().value(),
                change,
                List.of(i.divisionPath()),
                i.lon(),
                i.lat(),
                Representations.event(i),
                type);
    }

    private void hazard(HazardId id, String change, @Nullable WebhookEvent type) {
        asSystem(() -> hazards.find(id)).ifPresent(h -> hazard(h, change, type));
    }

    private void hazard(Hazard h, String change, @Nullable WebhookEvent type) {
        record(
                SharedResource.HAZARDS,
                h.id().value(),
                change,
                List.of(h.divisionPath()),
                h.lon(),
                h.lat(),
                Representations.hazard(h),
                type);
    }

    private void team(UUID id, String change, WebhookEvent type) {
        asSystem(() -> teams.find(new TeamId(id)))
                .ifPresent(t -> record(
                        SharedResource.TEAMS,
                        id,
                        change,
                        List.of(t.divisionPath()),
                        t.lon(),
                        t.lat(),
                        Representations.team(t),
                        type));
    }

    private void record(
            SharedResource resource,
            UUID id,
            String change,
            List<String> paths,
            @Nullable Double lon,
            @Nullable Double lat,
            Map<String, Object> snapshot,
            @Nullable WebhookEvent type) {
        var row = new JdbcExchangeStore.NewChange(
                resource, id, change, paths, lon, lat, json.writeValueAsString(snapshot));
        var targets = type == null ? List.<JdbcExchangeStore.Target>of() : store.targets(type.code(), resource, paths);
        if (targets.isEmpty()) {
            // nothing to deliver, so nothing needs the row's number now: it goes with the commit
            store.queueChange(row);
            return;
        }
        long seq = store.appendChange(row);
        for (var target : targets) {
            UUID delivery = Uuids.timeOrdered();
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("id", delivery.toString());
            payload.put("type", type.code());
            payload.put("occurredAt", Instant.now().toString());
            payload.put("resource", resource.slug());
            payload.put("entityId", id.toString());
            payload.put("changeSeq", seq);
            payload.put(
                    "data",
                    resource == SharedResource.WARNINGS
                            ? Representations.warningFor(snapshot, target::covers)
                            : snapshot);
            store.enqueue(
                    delivery,
                    target.subscriptionId(),
                    type.code(),
                    seq,
                    target.divisionPath(),
                    json.writeValueAsString(payload));
        }
    }

    /** Runs a read of another module as the system, which that module answers without jurisdiction filter. */
    static <T> T asSystem(Supplier<T> read) {
        SecurityContext saved = SecurityContextHolder.getContext();
        SecurityContextHolder.clearContext();
        try {
            return read.get();
        } finally {
            SecurityContextHolder.setContext(saved);
        }
    }
}
