package cn.yingji.resource.internal;

import cn.yingji.resource.Team;
import cn.yingji.shared.db.AfterTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Holds the current {@link RecommendationSnapshot} behind a volatile reference. Every resource write bumps
 * {@code resource.state.version} in its transaction. After a committed status change on this node the team row is
 * swapped into the snapshot in place when the snapshot is exactly one version behind; any other write (or a gap,
 * i.e. another node wrote) rebuilds the snapshot off to the side and swaps it in whole. A periodic check catches
 * writes of other nodes.
 */
@Component
class RecommendationIndex {

    private static final Logger LOG = LoggerFactory.getLogger(RecommendationIndex.class);
    static final Duration LOAD_WINDOW = Duration.ofDays(30);

    private final JdbcTeamStore store;
    private final TransactionTemplate readTx;
    private final Object rebuildLock = new Object();
    private volatile @Nullable RecommendationSnapshot current;

    RecommendationIndex(JdbcTeamStore store, PlatformTransactionManager txManager) {
        this.store = store;
        this.readTx = new TransactionTemplate(txManager);
        readTx.setReadOnly(true);
        readTx.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        readTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The current snapshot, built on first use. */
    RecommendationSnapshot snapshot() {
        RecommendationSnapshot s = current;
        if (s == null) {
            synchronized (rebuildLock) {
                s = current;
                if (s == null) {
                    s = load();
                    current = s;
                }
            }
        }
        return s;
    }

    /** After commit: swap the team in when the snapshot is at {@code version - 1}, else rebuild. */
    void teamChangedAfterCommit(Team team, long version) {
        AfterTransaction.commitOrNow(() -> {
            RecommendationSnapshot s = current;
            if (s != null) {
                synchronized (rebuildLock) {
                    if (current == s && s.version() == version - 1 && s.replace(team)) {
                        s.version(version);
                        return;
                    }
                }
            }
            refreshIfStale();
        });
    }

    /** After commit: rebuild unless already current. */
    void changedAfterCommit() {
        AfterTransaction.commitOrNow(this::refreshIfStale);
    }

    @Scheduled(
            initialDelayString = "${yingji.resource.refresh-interval-ms:30000}",
            fixedDelayString = "${yingji.resource.refresh-interval-ms:30000}")
    void refreshIfStale() {
        try {
            RecommendationSnapshot s = current;
            if (s == null || s.version() == dbVersion()) {
                return;
            }
            synchronized (rebuildLock) {
                RecommendationSnapshot again = current;
                if (again != null && again.version() == dbVersion()) {
                    return;
                }
                current = load();
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not refresh the recommendation index; keeping the previous one", e);
        }
    }

    private long dbVersion() {
        Long v = readTx.execute(status -> store.version());
        return v == null ? -1 : v;
    }

    private RecommendationSnapshot load() {
        long started = System.nanoTime();
        RecommendationSnapshot s = readTx.execute(status -> new RecommendationSnapshot(
                store.version(),
                new ArrayList<>(store.capabilities().keySet()),
                store.indexRows(Instant.now().minus(LOAD_WINDOW))));
        if (s == null) {
            throw new IllegalStateException("recommendation snapshot not loaded");
        }
        LOG.info(
                "Recommendation index v{} built: {} teams in {} ms",
                s.version(),
                s.size(),
                (System.nanoTime() - started) / 1_000_000);
        return s;
    }
}
