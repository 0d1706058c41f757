package cn.yingji.resource.internal;

import cn.yingji.shared.PageQuery;
import cn.yingji.shared.PageResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of the simple registries described by {@link Registry}. Table and column names come only from the registry
 * constants, never from input. Reads take the caller's scope as {@code LIKE} patterns over {@code division_path}.
 */
@Repository
class JdbcRegistryStore {

    private final JdbcClient jdbc;

    JdbcRegistryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One registry row.
     *
     * @param id identifier
     * @param version optimistic-lock version
     * @param divisionPath jurisdiction path
     * @param values field name → value (text, number, date, boolean or UUID)
     * @param parentName name of the team or warehouse it belongs to, if any
     * @param lon longitude to draw (own or the parent's)
     * @param lat latitude to draw
     * @param available for stock: quantity minus reserved
     * @param low for stock: available below the minimum level
     * @param expiring for stock: expires within 30 days (or expired)
     * @param occupancy for shelters: current occupancy
     */
    record Row(
            UUID id,
            int version,
            String divisionPath,
            Map<String, @Nullable Object> values,
            @Nullable String parentName,
            @Nullable Double lon,
            @Nullable Double lat,
            int available,
            boolean low,
            boolean expiring,
            int occupancy) {

        @Nullable
        public Object get(String field) {
            return values.get(field);
        }

        public String text(String field) {
            Object v = values.get(field);
            return v == null ? "" : v.toString();
        }
    }

    private static String from(Registry r) {
        if (r.parent() != null) {
            return "resource." + r.table() + " x left join resource."
                    + r.parent().table() + " p on p.id = x."
                    + r.field(r.parent().field()).orElseThrow().column();
        }
        return "resource." + r.table() + " x";
    }

    private static String columns(Registry r) {
        StringBuilder sb = new StringBuilder("x.id, x.version, x.division_path");
        for (Registry.Field f : r.fields()) {
            if (!f.column().isEmpty()) {
                sb.append(", x.").append(f.column());
            }
        }
        boolean ownCoordinates = r.field("lon").isPresent();
        if (r.parent() != null) {
            sb.append(", p.name as parent_name");
            sb.append(
                    ownCoordinates
                            ? ", coalesce(x.lon, p.lon) as map_lon, coalesce(x.lat, p.lat) as map_lat"
                            : ", p.lon as map_lon, p.lat as map_lat");
        } else {
            sb.append(", null as parent_name");
            sb.append(ownCoordinates ? ", x.lon as map_lon, x.lat as map_lat" : ", null as map_lon, null as map_lat");
        }
        if (r == Registry.STOCK) {
            sb.append(", x.quantity - x.reserved as available, (x.quantity - x.reserved) < x.min_level as low,"
                    + " coalesce(x.expires_on <= current_date + 30, false) as expiring, 0 as occupancy");
        } else if (r == Registry.SHELTERS) {
            sb.append(", 0 as available, false as low, false as expiring, x.occupancy");
        } else {
            sb.append(", 0 as available, false as low, false as expiring, 0 as occupancy");
        }
        return sb.toString();
    }

    private static Row row(Registry r, ResultSet rs) throws SQLException {
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        for (Registry.Field f : r.fields()) {
            if (f.column().isEmpty()) {
                continue;
            }
            Object v = rs.getObject(f.column());
            if (v instanceof java.sql.Date d) {
                v = d.toLocalDate();
            } else if (v instanceof java.math.BigDecimal b) {
                v = b.stripTrailingZeros().toPlainString();
            }
            values.put(f.name(), v);
        }
        Object lon = rs.getObject("map_lon");
        Object lat = rs.getObject("map_lat");
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getInt("version"),
                rs.getString("division_path"),
                values,
                rs.getString("parent_name"),
                lon == null ? null : ((Number) lon).doubleValue(),
                lat == null ? null : ((Number) lat).doubleValue(),
                rs.getInt("available"),
                rs.getBoolean("low"),
                rs.getBoolean("expiring"),
                rs.getInt("occupancy"));
    }

    Optional<Row> find(Registry r, UUID id, List<String> scope) {
        return jdbc.sql("select " + columns(r) + " from " + from(r)
                        + " where x.id = :id and x.division_path like any (array[:scope])")
                .param("id", id)
                .param("scope", scope)
                .query((rs, n) -> row(r, rs))
                .optional();
    }

    private static String where(Registry r, @Nullable String q, @Nullable UUID parent, boolean warnings) {
        StringBuilder sb = new StringBuilder(" where x.division_path like any (array[:scope])");
        if (q != null && !q.isBlank()) {
            sb.append(" and x.")
                    .append(r.field(r.titleField()).orElseThrow().column())
                    .append(" ilike :q");
        }
        if (parent != null && r.parent() != null) {
            sb.append(" and x.")
                    .append(r.field(r.parent().field()).orElseThrow().column())
                    .append(" = :parent");
        }
        if (warnings && r == Registry.STOCK) {
            sb.append(" and ((x.quantity - x.reserved) < x.min_level or x.expires_on <= current_date + 30)");
        }
        return sb.toString();
    }

    private static Map<String, Object> params(@Nullable String q, @Nullable UUID parent, List<String> scope) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("scope", scope);
        if (q != null && !q.isBlank()) {
            p.put("q", "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (parent != null) {
            p.put("parent", parent);
        }
        return p;
    }

    PageResult<Row> list(
            Registry r,
            @Nullable String q,
            @Nullable UUID parent,
            boolean warnings,
            PageQuery page,
            List<String> scope) {
        String where = where(r, q, parent, warnings);
        Map<String, Object> p = params(q, parent, scope);
        long total = jdbc.sql("select count(*) from " + from(r) + where)
                .params(p)
                .query(Long.class)
                .single();
        String title = r.field(r.titleField()).orElseThrow().column();
        List<Row> items = jdbc.sql("select " + columns(r) + " from " + from(r) + where + " order by x." + title
                        + ", x.id limit :limit offset :offset")
                .params(p)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> row(r, rs))
                .list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    void each(Registry r, @Nullable String q, List<String> scope, Consumer<Row> sink) {
        String title = r.field(r.titleField()).orElseThrow().column();
        jdbc
                .sql("select " + columns(r) + " from " + from(r) + where(r, q, null, false) + " order by x." + title
                        + ", x.id")
                .params(params(q, null, scope))
                .query((rs, n) -> row(r, rs))
                .stream()
                .forEach(sink);
    }

    /** Path and (optional) location of a parent row inside the scope. */
    record ParentRow(
            String name,
            String divisionPath,
            @Nullable Double lon,
            @Nullable Double lat) {}

    Optional<ParentRow> parent(Registry.Parent parent, UUID id, List<String> scope) {
        return jdbc.sql("select name, division_path, lon, lat from resource." + parent.table()
                        + " where id = :id and division_path like any (array[:scope])")
                .param("id", id)
                .param("scope", scope)
                .query((rs, n) -> new ParentRow(
                        rs.getString(1), rs.getString(2), (Double) rs.getObject(3), (Double) rs.getObject(4)))
                .optional();
    }

    private static Object sqlValue(@Nullable Object v) {
        if (v instanceof LocalDate d) {
            return java.sql.Date.valueOf(d);
        }
        return v;
    }

    void insert(Registry r, UUID id, Map<String, @Nullable Object> values, String path, Instant now) {
        List<String> cols = new ArrayList<>(List.of("id", "division_path", "created_at", "version"));
        List<String> names = new ArrayList<>(List.of(":id", ":path", ":now", "0"));
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", id);
        p.put("path", path);
        p.put("now", java.sql.Timestamp.from(now));
        for (Registry.Field f : r.fields()) {
            if (f.column().isEmpty()) {
                continue;
            }
            cols.add(f.column());
            names.add(":f_" + f.column());
            p.put("f_" + f.column(), sqlValue(values.get(f.name())));
        }
        String sql = "insert into resource." + r.table() + " (" + String.join(", ", cols) + ") values ("
                + String.join(", ", names) + ")";
        var stmt = jdbc.sql(sql);
        for (Map.Entry<String, Object> e : p.entrySet()) {
            stmt = stmt.param(e.getKey(), e.getValue());
        }
        stmt.update();
    }

    boolean update(Registry r, UUID id, int version, Map<String, @Nullable Object> values, String path) {
        List<String> sets = new ArrayList<>(List.of("version = version + 1", "division_path = :path"));
        for (Registry.Field f : r.fields()) {
            if (!f.column().isEmpty()) {
                sets.add(f.column() + " = :f_" + f.column());
            }
        }
        var stmt = jdbc.sql("update resource." + r.table() + " set " + String.join(", ", sets)
                        + " where id = :id and version = :v")
                .param("id", id)
                .param("v", version)
                .param("path", path);
        for (Registry.Field f : r.fields()) {
            if (!f.column().isEmpty()) {
                stmt = stmt.param("f_" + f.column(), sqlValue(values.get(f.name())));
            }
        }
        return stmt.update() == 1;
    }

    boolean delete(Registry r, UUID id) {
        return jdbc.sql("delete from resource." + r.table() + " where id = :id")
                        .param("id", id)
                        .update()
                == 1;
    }

    boolean taken(Registry r, String title, String path, @Nullable UUID parent, @Nullable UUID except) {
        if (r == Registry.STOCK) {
            return false;
        }
        String col = r.field(r.titleField()).orElseThrow().column();
        return jdbc.sql("select count(*) from resource." + r.table() + " where " + col
                                + " = :t and division_path = :p and id is distinct from :id")
                        .param("t", title)
                        .param("p", path)
                        .param("id", except)
                        .query(Long.class)
                        .single()
                > 0;
    }

    // ---- stock and shelters: single conditional statements ----------------------------------------------------

    /** Reserves {@code quantity}; false (nothing changed) when less than that is available. */
    boolean reserve(UUID stock, int quantity) {
        return jdbc.sql("""
                        update resource.stock set reserved = reserved + :q, version = version + 1
                         where id = :id and quantity - reserved >= :q""").param("id", stock).param("q", quantity).update() == 1;
    }

    void insertReservation(
            UUID id, UUID stock, int quantity, @Nullable UUID incident, @Nullable String note, Instant at, String by) {
        jdbc.sql("""
                        insert into resource.reservations (id, stock_id, quantity, incident_id, note, at, by_user)
                        values (:id, :s, :q, :i, :n, :at, :by)""")
                .param("id", id)
                .param("s", stock)
                .param("q", quantity)
                .param("i", incident)
                .param("n", note)
                .param("at", java.sql.Timestamp.from(at))
                .param("by", by)
                .update();
    }

    /** Admits ({@code delta > 0}) or discharges people; false when the result would leave 0..capacity. */
    boolean occupy(UUID shelter, int delta) {
        return jdbc.sql("""
                        update resource.shelters set occupancy = occupancy + :d, version = version + 1
                         where id = :id and occupancy + :d between 0 and capacity""").param("id", shelter).param("d", delta).update() == 1;
    }

    Map<String, String[]> categories() {
        Map<String, String[]> out = new LinkedHashMap<>();
        jdbc.sql("select code, name_zh, name_en from resource.equipment_categories order by sort")
                .query(rs -> {
                    out.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
                });
        return out;
    }

    /** Options for a parent select: id → name, within scope. */
    Map<UUID, String> parentOptions(Registry.Parent parent, List<String> scope) {
        Map<UUID, String> out = new LinkedHashMap<>();
        jdbc.sql("select id, name from resource." + parent.table()
                        + " where division_path like any (array[:scope]) order by name limit 500")
                .param("scope", scope)
                .query(rs -> {
                    out.put(rs.getObject(1, UUID.class), rs.getString(2));
                });
        return out;
    }

    /** A team housed at a base (teams name their base; matched by name inside the base's scope). */
    record Housed(UUID id, String name, String status, int headcount) {}

    List<Housed> teamsAtBase(String baseName, List<String> scope) {
        return jdbc.sql("""
                        select id, name, status, headcount from resource.teams
                         where base = :b and division_path like any (array[:scope]) order by name""")
                .param("b", baseName)
                .param("scope", scope)
                .query((rs, n) ->
                        new Housed(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4)))
                .list();
    }

    void bumpVersion() {
        jdbc.sql("update resource.state set version = version + 1 where id = 1").update();
    }
}
