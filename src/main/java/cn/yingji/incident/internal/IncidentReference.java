package cn.yingji.incident.internal;

import cn.yingji.incident.EventType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Event types, grading schemes and reporting rules for the intake hot path, read once instead of four queries per
 * event. A write on this node reloads them at once; a write on another node is seen within {@code
 * yingji.incident.reference-ttl}. The administration pages read the tables directly.
 */
@Component
class IncidentReference {

    private record Snapshot(
            long generation,
            long loadedAtNanos,
            List<EventType> types,
            Map<String, Optional<GradingScheme>> schemes,
            Map<String, List<ReportingRule>> rules) {}

    private final JdbcIncidentStore store;
    private final long ttlNanos;
    private volatile @Nullable Snapshot snapshot;

    IncidentReference(JdbcIncidentStore store, @Value("${yingji.incident.reference-ttl:10s}") Duration ttl) {
        this.store = store;
        this.ttlNanos = ttl.toNanos();
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (fresh(s)) {
            return s;
        }
        // One reload at a time: when the TTL ends under load, every intake in flight would otherwise reload too.
        synchronized (this) {
            s = snapshot;
            if (!fresh(s)) {
                s = new Snapshot(
                        store.configGeneration(),
                        System.nanoTime(),
                        List.copyOf(store.eventTypes()),
                        new ConcurrentHashMap<>(),
                        new ConcurrentHashMap<>());
                snapshot = s;
            }
            return s;
        }
    }

    private boolean fresh(@Nullable Snapshot s) {
        return s != null
                && s.generation() == store.configGeneration()
                && System.nanoTime() - s.loadedAtNanos() <= ttlNanos;
    }

    List<EventType> eventTypes() {
        return current().types();
    }

    Optional<EventType> eventType(String code) {
        return current().types().stream().filter(t -> t.code().equals(code)).findFirst();
    }

    Optional<GradingScheme> scheme(String code) {
        return current().schemes().computeIfAbsent(code, store::scheme);
    }

    List<ReportingRule> rules(@Nullable String chain) {
        return current().rules().computeIfAbsent(chain == null ? "" : chain, c -> List.copyOf(store.rules(chain)));
    }
}
