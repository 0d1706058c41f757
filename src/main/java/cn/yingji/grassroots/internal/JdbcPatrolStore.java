package cn.yingji.grassroots.internal;

import cn.yingji.grassroots.CheckIn;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the {@code grassroots} schema. */
@Repository
class JdbcPatrolStore {

    private final JdbcClient jdbc;

    JdbcPatrolStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts; false when the worker already used the key. */
    boolean insert(CheckIn c, @Nullable String key) {
        return jdbc.sql("""
                        insert into grassroots.check_ins (id, grid_code, grid_path, worker, at, received_at, lon, lat,
                            located_grid, outside, duty, note, finding, idempotency_key)
                        values (:id, :grid, :path, :worker, :at, :received, :lon, :lat, :located, :outside, :duty,
                            :note, :finding, :key)
                        on conflict (worker, idempotency_key) do nothing
                        """)
                        .param("id", c.id())
                        .param("grid", c.gridCode())
                        .param("path", c.gridPath())
                        .param("worker", c.worker())
                        .param("at", Timestamp.from(c.at()))
                        .param("received", Timestamp.from(c.receivedAt()))
                        .param("lon", c.lon())
                        .param("lat", c.lat())
                        .param("located", c.locatedGrid())
                        .param("outside", c.outside())
                        .param("duty", c.duty().name())
                        .param("note", c.note())
                        .param("finding", c.finding())
                        .param("key", key)
                        .update()
                > 0;
    }

    Optional<CheckIn> byKey(String worker, String key) {
        return jdbc.sql("select * from grassroots.check_ins where worker = :w and idempotency_key = :k")
                .param("w", worker)
                .param("k", key)
                .query(this::row)
                .optional();
    }

    List<CheckIn> list(@Nullable List<String> patterns, @Nullable String grid, Instant from, Instant to, int limit) {
        var spec = jdbc.sql("select * from grassroots.check_ins where at >= :from and at < :to"
                        + (patterns == null ? "" : " and grid_path like any (array[:patterns])")
                        + (grid == null ? "" : " and grid_code = :grid")
                        + " order by at desc limit :limit")
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("limit", limit);
        if (patterns != null) {
            spec = spec.param("patterns", patterns);
        }
        if (grid != null) {
            spec = spec.param("grid", grid);
        }
        return spec.query(this::row).list();
    }

    /** Check-ins inside their grid per grid under the path in [from, to). */
    java.util.Map<String, Integer> patrolCounts(String pathPrefix, Instant from, Instant to) {
        java.util.Map<String, Integer> out = new java.util.HashMap<>();
        jdbc.sql("""
                        select grid_code, count(*) from grassroots.check_ins
                        where grid_path like :p and at >= :from and at < :to and not outside group by grid_code
                        """)
                .param("p", pathPrefix + "%")
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(rs -> {
                    out.put(rs.getString(1), rs.getInt(2));
                });
        return out;
    }

    /** Required patrols per week of the planned grids under the path. */
    java.util.Map<String, Integer> plannedTimes(String pathPrefix) {
        java.util.Map<String, Integer> out = new java.util.HashMap<>();
        jdbc.sql("select grid_code, times_per_week from grassroots.patrol_plans where grid_path like :p")
                .param("p", pathPrefix + "%")
                .query(rs -> {
                    out.put(rs.getString(1), rs.getInt(2));
                });
        return out;
    }

    void savePlan(String grid, String path, int times, List<CheckIn.Duty> duties, String actor, Instant at) {
        jdbc.sql("""
                        insert into grassroots.patrol_plans (grid_code, grid_path, times_per_week, duties, updated_by,
                            updated_at)
                        values (:g, :p, :t, :d, :by, :at)
                        on conflict (grid_code) do update set times_per_week = excluded.times_per_week,
                            duties = excluded.duties, updated_by = excluded.updated_by, updated_at = excluded.updated_at
                        """)
                .param("g", grid)
                .param("p", path)
                .param("t", times)
                .param("d", duties.stream().map(Enum::name).toArray(String[]::new))
                .param("by", actor)
                .param("at", Timestamp.from(at))
                .update();
    }

    long outside(String pathPrefix, Instant from, Instant to) {
        return jdbc.sql("""
                        select count(*) from grassroots.check_ins
                        where grid_path like :p and at >= :from and at < :to and outside
                        """)
                .param("p", pathPrefix + "%")
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(Long.class)
                .single();
    }

    private CheckIn row(ResultSet rs, int n) throws SQLException {
        return new CheckIn(
                rs.getObject("id", UUID.class),
                rs.getString("grid_code"),
                rs.getString("grid_path"),
                rs.getString("worker"),
                rs.getTimestamp("at").toInstant(),
                rs.getTimestamp("received_at").toInstant(),
                rs.getDouble("lon"),
                rs.getDouble("lat"),
                rs.getString("located_grid"),
                rs.getBoolean("outside"),
                CheckIn.Duty.valueOf(rs.getString("duty")),
                rs.getString("note"),
                rs.getString("finding"));
    }
}
