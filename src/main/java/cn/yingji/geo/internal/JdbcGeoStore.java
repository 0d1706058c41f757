package cn.yingji.geo.internal;

import cn.yingji.geo.Division;
import cn.yingji.geo.DivisionCode;
import cn.yingji.geo.DivisionLevel;
import cn.yingji.geo.Grid;
import cn.yingji.shared.PageQuery;
import cn.yingji.shared.PageResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Hand-written SQL over {@code geo.divisions}, {@code geo.grids} and {@code geo.state}. */
@Repository
class JdbcGeoStore {

    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    JdbcGeoStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** A division as listed, with how many children and grids it has. */
    record DivisionRow(
            Division division,
            int children,
            int grids,
            @Nullable Envelope bbox) {}

    /** A grid row with its geometry (when asked for). */
    record GridRow(Grid grid, @Nullable Geometry geometry) {}

    // ---- versions ----------------------------------------------------------------------------------------------

    long version() {
        return jdbc.sql("select version from geo.state where id = 1")
                .query(Long.class)
                .single();
    }

    void bumpVersion() {
        jdbc.sql("update geo.state set version = version + 1 where id = 1").update();
    }

    // ---- index loading -----------------------------------------------------------------------------------------

    List<Division> allDivisions(Map<String, @Nullable Geometry> shapes) {
        WKBReader reader = new WKBReader(GeoJson.FACTORY);
        return jdbc.sql("select code, name, level, parent_code, path, geometry_wkb from geo.divisions order by code")
                .query((rs, n) -> {
                    Division d = division(rs);
                    byte[] wkb = rs.getBytes("geometry_wkb");
                    if (wkb != null) {
                        shapes.put(d.code().value(), read(reader, wkb));
                    }
                    return d;
                })
                .list();
    }

    List<Grid> allGrids(Map<String, @Nullable Geometry> shapes) {
        WKBReader reader = new WKBReader(GeoJson.FACTORY);
        return jdbc.sql("select code, name, village_code, path, geometry_wkb from geo.grids order by code")
                .query((rs, n) -> {
                    Grid g = grid(rs);
                    shapes.put(g.code(), read(reader, rs.getBytes("geometry_wkb")));
                    return g;
                })
                .list();
    }

    /** Every division without geometry, by code (for validating a batch inside its transaction). */
    Map<String, Division> existingDivisions() {
        Map<String, Division> out = new HashMap<>();
        jdbc.sql("select code, name, level, parent_code, path from geo.divisions")
                .query(rs -> {
                    Division d = division(rs);
                    out.put(d.code().value(), d);
                });
        return out;
    }

    // ---- writes ------------------------------------------------------------------------------------------------

    /** Upserts divisions (parents first); returns how many rows were inserted or changed. */
    int upsertDivisions(List<Division> rows, Map<String, @Nullable Geometry> shapes) {
        String sql = """
                insert into geo.divisions (code, name, level, parent_code, path, depth, geometry_wkb,
                                           min_lon, min_lat, max_lon, max_lat, outline)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::polygon)
                on conflict (code) do update
                   set name = excluded.name, geometry_wkb = excluded.geometry_wkb,
                       min_lon = excluded.min_lon, min_lat = excluded.min_lat,
                       max_lon = excluded.max_lon, max_lat = excluded.max_lat,
                       outline = excluded.outline, updated_at = now()
                 where (geo.divisions.name, geo.divisions.geometry_wkb)
                       is distinct from (excluded.name, excluded.geometry_wkb)
                """;
        WKBWriter writer = new WKBWriter();
        List<Object[]> args = new ArrayList<>(rows.size());
        for (Division d : rows) {
            Geometry g = shapes.get(d.code().value());
            Envelope e = g == null ? null : g.getEnvelopeInternal();
            args.add(new Object[] {
                d.code().value(),
                d.name(),
                d.level().name(),
                d.parent() == null ? null : d.parent().value(),
                d.path(),
                depth(d.path()),
                g == null ? null : writer.write(g),
                e == null ? null : e.getMinX(),
                e == null ? null : e.getMinY(),
                e == null ? null : e.getMaxX(),
                e == null ? null : e.getMaxY(),
                new SqlParameterValue(Types.VARCHAR, g == null ? null : outline(g))
            });
        }
        return batch(sql, args);
    }

    /** Upserts grids; returns how many rows were inserted or changed. */
    int upsertGrids(List<Grid> rows, Map<String, Geometry> shapes) {
        String sql = """
                insert into geo.grids (code, name, village_code, path, geometry_wkb,
                                       min_lon, min_lat, max_lon, max_lat, outline)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::polygon)
                on conflict (code) do update
                   set name = excluded.name, geometry_wkb = excluded.geometry_wkb,
                       min_lon = excluded.min_lon, min_lat = excluded.min_lat,
                       max_lon = excluded.max_lon, max_lat = excluded.max_lat,
                       outline = excluded.outline, updated_at = now()
                 where (geo.grids.name, geo.grids.geometry_wkb) is distinct from (excluded.name, excluded.geometry_wkb)
                """;
        WKBWriter writer = new WKBWriter();
        List<Object[]> args = new ArrayList<>(rows.size());
        for (Grid grid : rows) {
            Geometry g = shapes.get(grid.code());
            Envelope e = g.getEnvelopeInternal();
            args.add(new Object[] {
                grid.code(),
                grid.name(),
                grid.village().value(),
                grid.path(),
                writer.write(g),
                e.getMinX(),
                e.getMinY(),
                e.getMaxX(),
                e.getMaxY(),
                new SqlParameterValue(Types.VARCHAR, outline(g))
            });
        }
        return batch(sql, args);
    }

    private int batch(String sql, List<Object[]> args) {
        int changed = 0;
        for (int from = 0; from < args.size(); from += BATCH) {
            int[] counts = template.batchUpdate(sql, args.subList(from, Math.min(args.size(), from + BATCH)));
            for (int c : counts) {
                if (c > 0) {
                    changed += c;
                } else if (c == java.sql.Statement.SUCCESS_NO_INFO) {
                    changed++;
                }
            }
        }
        return changed;
    }

    /** PostgreSQL {@code polygon} literal of the outer ring of the largest part. */
    static String outline(Geometry g) {
        Polygon largest = null;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon p && (largest == null || p.getArea() > largest.getArea())) {
                largest = p;
            }
        }
        Coordinate[] cs = largest == null
                ? g.getEnvelope().getCoordinates()
                : largest.getExteriorRing().getCoordinates();
        StringBuilder sb = new StringBuilder(cs.length * 24).append('(');
        for (int i = 0; i < cs.length - (cs.length > 1 ? 1 : 0); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append('(').append(cs[i].x).append(',').append(cs[i].y).append(')');
        }
        return sb.append(')').toString();
    }

    private static int depth(String path) {
        int n = 0;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                n++;
            }
        }
        return n - 1;
    }

    // ---- scoped reads for the web API --------------------------------------------------------------------------

    PageResult<DivisionRow> page(
            List<String> viewPatterns,
            @Nullable String parent,
            @Nullable DivisionLevel level,
            @Nullable String q,
            PageQuery page) {
        StringBuilder where = new StringBuilder(" where d.path like any (array[:patterns]::text[])");
        Map<String, Object> params = new HashMap<>();
        params.put("patterns", viewPatterns);
        if (parent != null) {
            where.append(" and d.parent_code = :parent");
            params.put("parent", parent);
        }
        if (level != null) {
            where.append(" and d.level = :level");
            params.put("level", level.name());
        }
        if (q != null && !q.isBlank()) {
            where.append(" and (d.name ilike :q escape '\\' or d.code like :q escape '\\')");
            params.put("q", "%" + escapeLike(q.trim()) + "%");
        }
        long total = jdbc.sql("select count(*) from geo.divisions d" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<DivisionRow> items = jdbc.sql("""
                        select d.code, d.name, d.level, d.parent_code, d.path,
                               d.min_lon, d.min_lat, d.max_lon, d.max_lat,
                               (select count(*) from geo.divisions c where c.parent_code = d.code) as children,
                               (select count(*) from geo.grids g where g.path like d.path || '%') as grids
                          from geo.divisions d""" + where + " order by d.code limit :limit offset :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(JdbcGeoStore::divisionRow)
                .list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    PageResult<Grid> grids(List<String> viewPatterns, @Nullable String under, PageQuery page) {
        String where = " where path like any (array[:patterns]::text[])"
                + (under == null ? "" : " and path like :under escape '\\'");
        Map<String, Object> params = new HashMap<>();
        params.put("patterns", viewPatterns);
        if (under != null) {
            params.put("under", escapeLike(under) + "%");
        }
        long total = jdbc.sql("select count(*) from geo.grids" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Grid> items = jdbc.sql("select code, name, village_code, path from geo.grids" + where
                        + " order by code limit :limit offset :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> grid(rs))
                .list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    /** Streams visible divisions with geometry (for export), ordered by code. */
    void exportDivisions(
            List<String> viewPatterns,
            @Nullable DivisionLevel level,
            @Nullable String parent,
            Consumer<DivisionFeature> sink) {
        StringBuilder sql =
                new StringBuilder("select code, name, level, parent_code, path, geometry_wkb from geo.divisions"
                        + " where path like any (array[:patterns]::text[])");
        Map<String, Object> params = new HashMap<>();
        params.put("patterns", viewPatterns);
        if (level != null) {
            sql.append(" and level = :level");
            params.put("level", level.name());
        }
        if (parent != null) {
            sql.append(" and parent_code = :parent");
            params.put("parent", parent);
        }
        sql.append(" order by code");
        WKBReader reader = new WKBReader(GeoJson.FACTORY);
        jdbc.sql(sql.toString()).params(params).query(rs -> {
            byte[] wkb = rs.getBytes("geometry_wkb");
            sink.accept(new DivisionFeature(division(rs), wkb == null ? null : read(reader, wkb)));
        });
    }

    /** A division with its geometry, for export. */
    record DivisionFeature(Division division, @Nullable Geometry geometry) {}

    /** Streams visible grids below {@code underPath} (or all visible ones) with geometry, ordered by code. */
    void exportGrids(List<String> viewPatterns, @Nullable String underPath, Consumer<GridRow> sink) {
        String sql = "select code, name, village_code, path, geometry_wkb from geo.grids"
                + " where path like any (array[:patterns]::text[])"
                + (underPath == null ? "" : " and path like :under escape '\\'")
                + " order by code";
        Map<String, Object> params = new HashMap<>();
        params.put("patterns", viewPatterns);
        if (underPath != null) {
            params.put("under", escapeLike(underPath) + "%");
        }
        WKBReader reader = new WKBReader(GeoJson.FACTORY);
        jdbc.sql(sql).params(params).query(rs -> {
            sink.accept(new GridRow(grid(rs), read(reader, rs.getBytes("geometry_wkb"))));
        });
    }

    /** Bounding box of everything visible (divisions with geometry), or null when nothing has geometry. */
    @Nullable
    Envelope visibleExtent(List<String> viewPatterns) {
        return jdbc.sql("""
                        select min(min_lon), min(min_lat), max(max_lon), max(max_lat) from geo.divisions
                         where path like any (array[:patterns]::text[]) and min_lon is not null""").param("patterns", viewPatterns).query(rs -> {
            rs.next();
            double minX = rs.getDouble(1);
            return rs.wasNull() ? null : new Envelope(minX, rs.getDouble(3), rs.getDouble(2), rs.getDouble(4));
        });
    }

    // ---- mapping -----------------------------------------------------------------------------------------------

    private static DivisionRow divisionRow(ResultSet rs, int n) throws SQLException {
        double minLon = rs.getDouble("min_lon");
        Envelope bbox = rs.wasNull()
                ? null
                : new Envelope(minLon, rs.getDouble("max_lon"), rs.getDouble("min_lat"), rs.getDouble("max_lat"));
        return new DivisionRow(division(rs), rs.getInt("children"), rs.getInt("grids"), bbox);
    }

    private static Division division(ResultSet rs) throws SQLException {
        String parent = rs.getString("parent_code");
        return new Division(
                new DivisionCode(rs.getString("code")),
                rs.getString("name"),
                DivisionLevel.valueOf(rs.getString("level")),
                parent == null ? null : new DivisionCode(parent),
                rs.getString("path"));
    }

    private static Grid grid(ResultSet rs) throws SQLException {
        return new Grid(
                rs.getString("code"),
                rs.getString("name"),
                new DivisionCode(rs.getString("village_code")),
                rs.getString("path"));
    }

    private static Geometry read(WKBReader reader, byte[] wkb) {
        try {
            return reader.read(wkb);
        } catch (ParseException e) {
            throw new IllegalStateException("corrupt geometry in geo schema", e);
        }
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
