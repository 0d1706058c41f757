package cn.yingji.geo.internal;

import cn.yingji.geo.Division;
import cn.yingji.geo.Grid;
import cn.yingji.shared.db.AfterTransaction;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Holds the current {@link GeoSnapshot} behind a volatile reference. A new snapshot is built off to the side
 * (copy-on-write) and swapped in whole: after every committed write on this node, at first use, and whenever the
 * periodic check sees that another node bumped {@code geo.state.version}.
 */
@Component
class GeoIndex {

    private static final Logger LOG = LoggerFactory.getLogger(GeoIndex.class);

    private final JdbcGeoStore store;
    private final TransactionTemplate readTx;
    private final Object rebuildLock = new Object();
    private volatile @Nullable GeoSnapshot current;

    GeoIndex(JdbcGeoStore store, PlatformTransactionManager txManager) {
        this.store = store;
        this.readTx = new TransactionTemplate(txManager);
        readTx.setReadOnly(true);
        readTx.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        readTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The current snapshot, built on first use. */
    GeoSnapshot snapshot() {
        GeoSnapshot s = current;
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

    /**
     * Rebuilds after the surrounding transaction commits (immediately when there is none), so the index never
     * shows rows that were rolled back.
     */
    void refreshAfterCommit() {
        AfterTransaction.commitOrNow(this::refreshIfStale);
    }

    /**
     * Cheap check of the database version (one single-row read); rebuilds only when another node (or this one)
     * has written since the current snapshot was built.
     */
    @Scheduled(
            initialDelayString = "${yingji.geo.refresh-interval-ms:30000}",
            fixedDelayString = "${yingji.geo.refresh-interval-ms:30000}")
    void refreshIfStale() {
        try {
            GeoSnapshot s = current;
            if (s != null && s.version() == dbVersion()) {
                return;
            }
            synchronized (rebuildLock) {
                GeoSnapshot again = current;
                long dbVersion = dbVersion();
                if (again != null && again.version() == dbVersion) {
                    return;
                }
                current = load();
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not refresh the geo index; keeping the previous one", e);
        }
    }

    private long dbVersion() {
        Long v = readTx.execute(status -> store.version());
        return v == null ? -1 : v;
    }

    private GeoSnapshot load() {
        long started = System.nanoTime();
        GeoSnapshot s = readTx.execute(status -> {
            long version = store.version();
            Map<String, @Nullable Geometry> shapes = new HashMap<>();
            List<Division> divisions = store.allDivisions(shapes);
            List<Grid> grids = store.allGrids(shapes);
            return new GeoSnapshot(version, divisions, grids, shapes);
        });
        if (s == null) {
            throw new IllegalStateException("geo snapshot not loaded");
        }
        LOG.info(
                "Geo index v{} built: {} divisions, {} grids in {} ms",
                s.version(),
                s.divisionCount(),
                s.gridCount(),
                (System.nanoTime() - started) / 1_000_000);
        return s;
    }
}
