package cn.yingji.stats.internal;

import cn.yingji.callout.CampaignClosed;
import cn.yingji.hazard.HazardCardRaised;
import cn.yingji.hazard.HazardReported;
import cn.yingji.hazard.HazardState;
import cn.yingji.hazard.HazardStateChanged;
import cn.yingji.incident.Casualties;
import cn.yingji.incident.CasualtiesUpdated;
import cn.yingji.incident.EventType;
import cn.yingji.incident.IncidentGraded;
import cn.yingji.incident.IncidentReported;
import cn.yingji.incident.Incidents;
import cn.yingji.monitoring.WarningCancelled;
import cn.yingji.monitoring.WarningIssued;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the fact tables from the other modules' events, synchronously inside the publisher's transaction (like
 * {@code command} follows grades), so a figure changes exactly when the change it counts commits. Drills are
 * dropped here and never reach a table.
 */
@Component
class StatsListeners {

    private final FactStore facts;
    private final Incidents incidents;
    private final Clock clock;

    StatsListeners(FactStore facts, Incidents incidents) {
        this.facts = facts;
        this.incidents = incidents;
        this.clock = Clock.systemUTC();
    }

    @EventListener
    void on(IncidentReported e) {
        if (e.drill()) {
            return;
        }
        boolean ps = incidents
                .eventType(e.typeCode())
                .map(EventType::productionSafety)
                .orElse(false);
        facts.insertAccident(new FactStore.AccidentFact(
                e.id().value(),
                e.category().name(),
                e.typeCode(),
                ps,
                e.grade() == null ? null : e.grade().name(),
                e.divisionPath(),
                e.occurredAt(),
                // as a casualty update counts them (seriously and minor injured together)
                e.incident().casualties().deaths(),
                e.incident().casualties().missing(),
                e.incident().casualties().seriouslyInjured()
                        + e.incident().casualties().minorInjuries(),
                e.incident().casualties().directLoss()));
    }

    @EventListener
    void on(IncidentGraded e) {
        if (e.drill()) {
            return;
        }
        facts.accident(e.id().value()).ifPresent(old -> {
            String g = e.newGrade() == null ? null : e.newGrade().name();
            if (!java.util.Objects.equals(old.grade(), g)) {
                facts.updateAccident(old, old.withGrade(g));
            }
        });
    }

    @EventListener
    void on(CasualtiesUpdated e) {
        if (e.drill()) {
            return;
        }
        Casualties c = e.casualties();
        facts.accident(e.id().value())
                .ifPresent(old -> facts.updateAccident(
                        old,
                        old.withCasualties(
                                c.deaths(), c.missing(), c.seriouslyInjured() + c.minorInjuries(), c.directLoss())));
    }

    @EventListener
    void on(HazardReported e) {
        facts.hazardFound(
                e.id().value(), e.divisionPath(), e.industry(), e.grade().name(), HazardState.REPORTED.name(), e.at());
    }

    @EventListener
    void on(HazardStateChanged e) {
        facts.hazardState(e.id().value(), e.to().name(), e.to() == HazardState.CLOSED, e.at());
    }

    @EventListener
    void on(HazardCardRaised e) {
        facts.hazardOverdue(e.id().value(), clock.instant());
    }

    @EventListener
    void on(WarningIssued e) {
        if (e.drill()) {
            return;
        }
        facts.warningIssued(e.id().value(), e.divisionPaths(), e.level().name(), e.eventType(), e.issuedAt());
    }

    @EventListener
    void on(WarningCancelled e) {
        if (!e.drill()) {
            facts.warningCancelled(e.id().value(), e.at());
        }
    }

    @EventListener
    void on(CampaignClosed e) {
        if (e.drill()) {
            return;
        }
        facts.campaignClosed(
                e.id().value(),
                e.warning() == null ? null : e.warning().value(),
                e.divisionPath(),
                e.persons(),
                e.reached(),
                e.answered(),
                e.onPost(),
                e.escalated(),
                e.failed(),
                e.startedAt(),
                e.closedAt());
    }
}
