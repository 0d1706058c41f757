package cn.yingji.monitoring.internal;

import cn.yingji.monitoring.Sensor;
import cn.yingji.monitoring.WarningLevel;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Sensors and their rules and evaluation state, in memory, so the ingest path never reads the sensor table.
 * Loaded on first use and refreshed per sensor after every committed change.
 */
@Component
class SensorRegistry {

    /** A sensor's rule and state; the state is replaced only under the ingest lock. */
    static final class Entry {
        volatile SensorRule rule;
        volatile SensorState state;

        Entry(SensorRule rule, SensorState state) {
            this.rule = rule;
            this.state = state;
        }
    }

    private final JdbcMonitoringStore store;
    private final Map<String, Entry> byCode = new ConcurrentHashMap<>();
    private final Map<UUID, Entry> byId = new ConcurrentHashMap<>();
    private volatile boolean loaded;

    SensorRegistry(JdbcMonitoringStore store) {
        this.store = store;
    }

    @Nullable
    Entry byCode(String code) {
        ensureLoaded();
        return byCode.get(code);
    }

    @Nullable
    Entry byId(UUID id) {
        ensureLoaded();
        return byId.get(id);
    }

    Collection<Entry> all() {
        ensureLoaded();
        return byId.values();
    }

    /** Re-reads one sensor's rules (after a committed create or change), keeping its evaluation state. */
    void refresh(UUID id) {
        ensureLoaded();
        store.sensor(id).ifPresent(s -> {
            Entry e = byId.get(id);
            Instant created = e == null ? Instant.now() : e.rule.createdAt();
            SensorRule rule = SensorRule.of(s, created);
            if (e == null) {
                Entry fresh = new Entry(rule, initial(s, created));
                byId.put(id, fresh);
                byCode.put(s.code(), fresh);
            } else {
                e.rule = rule;
            }
        });
    }

    private void ensureLoaded() {
        if (loaded) {
            return;
        }
        synchronized (this) {
            if (loaded) {
                return;
            }
            for (Object[] row : store.allForRegistry()) {
                Sensor s = (Sensor) row[0];
                Instant created = (Instant) row[1];
                Entry e = new Entry(SensorRule.of(s, created), initial(s, created));
                if (row[2] != null) {
                    e.state.lastAt = (Instant) row[2];
                }
                byId.put(s.id(), e);
                byCode.put(s.code(), e);
            }
            loaded = true;
        }
    }

    private static SensorState initial(Sensor s, Instant created) {
        // after a restart silence is measured from the start, not from the last reading before it
        SensorState st = new SensorState(Instant.now().isAfter(created) ? Instant.now() : created);
        st.lastAt = s.lastAt();
        st.lastValue = s.lastValue() == null ? 0 : s.lastValue();
        if ("OFFLINE".equals(s.state())) {
            st.offline = true;
        } else if (!"NORMAL".equals(s.state())) {
            st.level = WarningLevel.valueOf(s.state());
        }
        return st;
    }
}
