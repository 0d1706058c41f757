package cn.yingji.stats.internal;

import cn.yingji.hazard.Hazard;
import cn.yingji.hazard.HazardFilter;
import cn.yingji.hazard.HazardState;
import cn.yingji.hazard.HazardStep;
import cn.yingji.hazard.Hazards;
import cn.yingji.incident.EventType;
import cn.yingji.incident.Incident;
import cn.yingji.incident.IncidentFilter;
import cn.yingji.incident.Incidents;
import cn.yingji.shared.PageQuery;
import cn.yingji.shared.PageResult;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills the fact tables once, at start, from the public query APIs of {@code incident} and {@code hazard} when
 * they are empty (rows that existed before stats was installed). Runs before the demo seeders, which then feed
 * stats through events like any other write.
 */
@Component
class StatsBackfill {

    private static final Logger LOG = LoggerFactory.getLogger(StatsBackfill.class);
    private static final int PAGE = 500;

    private final FactStore facts;
    private final Incidents incidents;
    private final Hazards hazards;
    private final TransactionTemplate tx;

    StatsBackfill(FactStore facts, Incidents incidents, Hazards hazards, TransactionTemplate tx) {
        this.facts = facts;
        this.incidents = incidents;
        this.hazards = hazards;
        this.tx = tx;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(5)
    void backfill() {
        tx.executeWithoutResult(s -> {
            int a = facts.accidentsEmpty() ? accidents() : 0;
            int h = facts.hazardsEmpty() ? hazards() : 0;
            if (a + h > 0) {
                LOG.info("stats backfilled {} events and {} hazards from the module APIs", a, h);
            }
        });
    }

    private int accidents() {
        IncidentFilter filter = new IncidentFilter(null, null, null, null, null, null, null, false, null);
        int n = 0;
        for (int page = 0; ; page++) {
            PageResult<Incident> r = incidents.list(filter, new PageQuery(page, PAGE));
            for (Incident i : r.items()) {
                if (i.drill()) {
                    continue;
                }
                boolean ps = incidents
                        .eventType(i.typeCode())
                        .map(EventType::productionSafety)
                        .orElse(false);
                var c = i.casualties();
                facts.insertAccident(new FactStore.AccidentFact(
                        i.id().value(),
                        i.category().name(),
                        i.typeCode(),
                        ps,
                        i.grade() == null ? null : i.grade().name(),
                        i.divisionPath(),
                        i.occurredAt(),
                        c.deaths(),
                        c.missing(),
                        c.seriouslyInjured() + c.minorInjuries(),
                        c.directLoss()));
                n++;
            }
            if (!r.hasNext()) {
                return n;
            }
        }
    }

    private int hazards() {
        int n = 0;
        for (int page = 0; ; page++) {
            PageResult<Hazard> r = hazards.list(HazardFilter.all(), new PageQuery(page, PAGE));
            for (Hazard h : r.items()) {
                facts.hazardFound(
                        h.id().value(),
                        h.divisionPath(),
                        h.industry(),
                        h.grade().name(),
                        h.state().name(),
                        h.reportedAt());
                if (h.state() == HazardState.CLOSED) {
                    List<HazardStep> steps = hazards.steps(h.id());
                    Instant at = steps.isEmpty()
                            ? h.reportedAt()
                            : steps.get(steps.size() - 1).at();
                    facts.hazardState(h.id().value(), h.state().name(), true, at);
                }
                if (h.card() != null && !"NONE".equals(h.card().name())) {
                    facts.hazardOverdue(h.id().value(), h.reportedAt());
                }
                n++;
            }
            if (!r.hasNext()) {
                return n;
            }
        }
    }
}
