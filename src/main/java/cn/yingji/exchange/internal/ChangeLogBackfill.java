package cn.yingji.exchange.internal;

import cn.yingji.exchange.SharedResource;
import cn.yingji.hazard.HazardFilter;
import cn.yingji.hazard.Hazards;
import cn.yingji.incident.IncidentFilter;
import cn.yingji.incident.Incidents;
import cn.yingji.resource.RescueTeams;
import cn.yingji.shared.PageQuery;
import cn.yingji.shared.PageResult;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seeds the change log of events, hazards and teams from the owning modules' public lists, read as the system, when
 * the log of that resource is still empty (first start with the exchange module over existing data), so that a
 * department's first sync gets the rows that existed before. One transaction per resource under an advisory lock,
 * so two nodes starting together seed once; once the log has a row of the resource it is never seeded again.
 * No webhooks are sent for the seeded rows.
 */
@Component
class ChangeLogBackfill {

    static final String CHANGE = "Backfill";
    private static final Logger LOG = LoggerFactory.getLogger(ChangeLogBackfill.class);

    private final JdbcExchangeStore store;
    private final Incidents incidents;
    private final Hazards hazards;
    private final RescueTeams teams;
    private final JsonMapper json;
    private final TransactionTemplate tx;

    ChangeLogBackfill(
            JdbcExchangeStore store,
            Incidents incidents,
            Hazards hazards,
            RescueTeams teams,
            JsonMapper json,
            PlatformTransactionManager transactions) {
        this.store = store;
        this.incidents = incidents;
        this.hazards = hazards;
        this.teams = teams;
        this.json = json;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Before the demo city (orders 40–90) seeds anything: its rows reach the log through the change feed. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(20)
    void atStart() {
        for (SharedResource r : List.of(SharedResource.EVENTS, SharedResource.HAZARDS, SharedResource.TEAMS)) {
            int n = backfill(r);
            if (n > 0) {
                LOG.info("Change log of {} seeded with {} existing rows", r.slug(), n);
            }
        }
    }

    /**
     * Seeds the log of one resource if it has no row yet.
     *
     * @return the rows seeded (0 when the log already had rows of the resource)
     */
    int backfill(SharedResource resource) {
        Integer n = tx.execute(status -> {
            store.lockBackfill(resource);
            if (store.hasChanges(resource)) {
                return 0;
            }
            return ChangeFeed.asSystem(() -> switch (resource) {
                case EVENTS ->
                    each(
                            p -> incidents.list(IncidentFilter.all(), p),
                            i -> append(
                                    resource,
                                    i.id().value(),
                                    i.divisionPath(),
                                    i.lon(),
                                    i.lat(),
                                    Representations.event(i)));
                case HAZARDS ->
                    each(
                            p -> hazards.list(HazardFilter.all(), p),
                            h -> append(
                                    resource,
                                    h.id().value(),
                                    h.divisionPath(),
                                    h.lon(),
                                    h.lat(),
                                    Representations.hazard(h)));
                case TEAMS ->
                    each(
                            p -> teams.list(null, null, null, p),
                            t -> append(
                                    resource,
                                    t.id().value(),
                                    t.divisionPath(),
                                    t.lon(),
                                    t.lat(),
                                    Representations.team(t)));
                case WARNINGS -> 0;
            });
        });
        return n == null ? 0 : n;
    }

    private void append(
            SharedResource resource,
            java.util.UUID id,
            String path,
            @Nullable Double lon,
            @Nullable Double lat,
            java.util.Map<String, Object> snapshot) {
        store.appendChange(new JdbcExchangeStore.NewChange(
                resource, id, CHANGE, List.of(path), lon, lat, json.writeValueAsString(snapshot)));
    }

    private static <T> int each(Function<PageQuery, PageResult<T>> page, Consumer<T> sink) {
        int n = 0;
        for (int i = 0; ; i++) {
            PageResult<T> result = page.apply(new PageQuery(i, PageQuery.MAX_SIZE));
            result.items().forEach(sink);
            n += result.items().size();
            if (result.items().size() < PageQuery.MAX_SIZE) {
                return n;
            }
        }
    }
}
