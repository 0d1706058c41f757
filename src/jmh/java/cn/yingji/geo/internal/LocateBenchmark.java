package cn.yingji.geo.internal;

import cn.yingji.geo.Grid;
import cn.yingji.geo.Location;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Point → (division chain, grid) lookup on the synthetic 10,000-grid city: the in-memory index (STRtree of prepared
 * polygons, {@link GeoSnapshot#locate}) against PostgreSQL answering the same question with a native
 * {@code polygon} column, a GiST index and {@code @> point}, over JDBC to an embedded server started in the
 * benchmark JVM. Single thread, average time per lookup.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
public class LocateBenchmark {

    private static final int POINTS = 1 << 14;

    private GeoSnapshot snapshot;
    private EmbeddedPostgres pg;
    private Connection connection;
    private PreparedStatement query;
    private final double[] lons = new double[POINTS];
    private final double[] lats = new double[POINTS];
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        SyntheticCity city = new SyntheticCity(20231);
        snapshot = city.snapshot();
        SplittableRandom rnd = new SplittableRandom(7);
        double span = SyntheticCity.CELLS * SyntheticCity.CELL;
        for (int i = 0; i < POINTS; i++) {
            // About 7.5 % of the points fall outside the city.
            lons[i] = SyntheticCity.LON0 - 0.02 * span + rnd.nextDouble() * span * 1.04;
            lats[i] = SyntheticCity.LAT0 - 0.02 * span + rnd.nextDouble() * span * 1.04;
        }
        pg = EmbeddedPostgres.builder().start();
        connection = pg.getPostgresDatabase().getConnection();
        try (Statement st = connection.createStatement()) {
            st.execute("create table grids (code char(15) primary key, path text not null, outline polygon not null)");
        }
        try (PreparedStatement insert =
                connection.prepareStatement("insert into grids (code, path, outline) values (?, ?, ?::polygon)")) {
            int n = 0;
            for (Grid g : city.grids) {
                insert.setString(1, g.code());
                insert.setString(2, g.path());
                insert.setString(3, JdbcGeoStore.outline(city.shapes.get(g.code())));
                insert.addBatch();
                if (++n % 1000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        try (Statement st = connection.createStatement()) {
            st.execute("create index grids_outline_gist on grids using gist (outline)");
            st.execute("analyze grids");
        }
        // The GiST operator class for polygons indexes && (overlap) but not polygon @> point, so the index is
        // reached through a degenerate box around the point and the exact test follows.
        query = connection.prepareStatement("""
                select code, path from grids
                 where outline && polygon(box(point(?, ?), point(?, ?))) and outline @> point(?, ?)
                 order by code limit 1""");
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("explain select code, path from grids where outline"
                        + " && polygon(box(point(117.3, 31.8), point(117.3, 31.8)))"
                        + " and outline @> point(117.3, 31.8) order by code limit 1")) {
            StringBuilder plan = new StringBuilder();
            while (rs.next()) {
                plan.append("\n  ").append(rs.getString(1));
            }
            System.out.println("PostgreSQL plan:" + plan);
        }
        // Both answer the same question for the same points. PostgreSQL's geometric operators are fuzzy
        // (EPSILON = 1e-6 applied to cross products, i.e. roughly 1e-6 / segment length in degrees: ~1e-3 deg for
        // these 0.0015 deg segments), so a point that close to a shared edge may go to the neighbour: counted.
        int ties = 0;
        for (int i = 0; i < 2000; i++) {
            Optional<Location> mem = snapshot.locate(lons[i], lats[i]);
            String db = postgres(lons[i], lats[i]);
            String memGrid = mem.map(Location::grid).map(Grid::code).orElse(null);
            if (memGrid == null ? db != null : !memGrid.equals(db)) {
                String some = memGrid != null ? memGrid : db;
                double d = city.shapes
                        .get(some)
                        .getBoundary()
                        .distance(GeoJson.FACTORY.createPoint(
                                new org.locationtech.jts.geom.Coordinate(lons[i], lats[i])));
                if (d > 1e-3) {
                    throw new IllegalStateException(
                            "mismatch at " + lons[i] + "," + lats[i] + ": memory " + memGrid + ", postgres " + db);
                }
                ties++;
            }
        }
        System.out.println("Checked 2000 points: same grid from both, except " + ties
                + " within 1e-3 deg of an edge (PostgreSQL fuzz)");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        query.close();
        connection.close();
        pg.close();
    }

    @Benchmark
    public Optional<Location> inMemoryStrTree() {
        int i = next++ & (POINTS - 1);
        return snapshot.locate(lons[i], lats[i]);
    }

    @Benchmark
    public String postgresGist() throws SQLException {
        int i = next++ & (POINTS - 1);
        return postgres(lons[i], lats[i]);
    }

    private String postgres(double lon, double lat) throws SQLException {
        query.setDouble(1, lon);
        query.setDouble(2, lat);
        query.setDouble(3, lon);
        query.setDouble(4, lat);
        query.setDouble(5, lon);
        query.setDouble(6, lat);
        try (ResultSet rs = query.executeQuery()) {
            return rs.next() ? rs.getString(1) + rs.getString(2).substring(0, 0) : null;
        }
    }
}
