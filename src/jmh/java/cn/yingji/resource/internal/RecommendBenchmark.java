package cn.yingji.resource.internal;

import cn.yingji.resource.Team;
import cn.yingji.resource.TeamStatus;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Dispatch recommendation over 20,000 teams and 200,000 equipment items: the in-memory index
 * ({@link RecommendationSnapshot#rank}) against PostgreSQL computing the same score (coverage with certified skills,
 * great-circle distance, readiness, load, equipment) in one query over JDBC to an embedded server started in the
 * benchmark JVM, both from the same rows (the snapshot is built by {@link JdbcTeamStore#indexRows} from that
 * database). A third, grouped benchmark ranks while another thread flips team statuses in the snapshot, and checks
 * after every iteration that the snapshot holds exactly the statuses last written. Sample time per request.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class RecommendBenchmark {

    static final int TEAMS = 20_000;
    static final int EQUIPMENT = 200_000;
    static final int EVENTS = 1024;
    static final int LIMIT = 10;
    static final double LON0 = 114.9;
    static final double LAT0 = 29.4;
    static final double SPAN_LON = 4.8;
    static final double SPAN_LAT = 5.3;

    /**
     * The same ranking in one statement: skills, equipment and load aggregated once per request (hash aggregates
     * over the whole tables), joined to the standby teams, scored and cut to the top {@code limit}.
     */
    static final String RANK_SQL = """
            with needed as (select unnest(cast(? as text[])) as cap),
            skills as (
              select m.team_id, array_agg(distinct s.capability) as caps
                from resource.members m join resource.member_skills s on s.member_id = m.id
               where s.expires_on is null or s.expires_on >= ?
               group by m.team_id),
            eq as (
              select e.team_id, sum(e.quantity) as q
                from resource.equipment e join resource.equipment_categories c on c.code = e.category
               where e.state = 'IN_SERVICE' and c.capability = any (cast(? as text[]))
               group by e.team_id),
            load as (
              select team_id, count(*) as n from resource.dispatches where dispatched_at >= ? group by team_id),
            cand as (
              select t.id, t.readiness, t.lon, t.lat, coalesce(eq.q, 0) as eq, coalesce(load.n, 0) as load,
                     (select count(*) from needed nd
                       where nd.cap = t.primary_capability or nd.cap = any (t.capabilities)
                          or nd.cap = any (coalesce(sk.caps, '{}'))) as covered
                from resource.teams t
                left join skills sk on sk.team_id = t.id
                left join eq on eq.team_id = t.id
                left join load on load.team_id = t.id
               where t.status = 'STANDBY')
            select id, score from (
              select id,
                     0.45 * covered / ? + 0.12 * case readiness when 1 then 1.0 when 2 then 0.6 else 0.3 end
                     + 0.08 / (1 + load) + 0.10 * least(1.0, eq / 20.0)
                     + 0.25 / (1 + (2 * 6371.0088 * asin(least(1.0, sqrt(
                           power(sin(radians(lat - ?) / 2), 2)
                           + cos(radians(?)) * cos(radians(lat)) * power(sin(radians(lon - ?) / 2), 2))))) / 10)
                       as score
                from cand where covered > 0) x
             order by score desc
             limit ?""";

    /** The shared data set, database and snapshot (built once per trial). */
    @State(Scope.Benchmark)
    public static class Data {
        EmbeddedPostgres pg;
        Connection connection;
        PreparedStatement rank;
        RecommendationSnapshot snapshot;
        final List<String> capabilityCodes = new ArrayList<>();
        final List<List<String>> eventNeeds = new ArrayList<>();
        final double[] eventLon = new double[EVENTS];
        final double[] eventLat = new double[EVENTS];
        final long[] eventMask = new long[EVENTS];
        LocalDate today = LocalDate.now();
        Instant since = Instant.now().minus(RecommendationIndex.LOAD_WINDOW);

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            pg = EmbeddedPostgres.builder().start();
            connection = pg.getPostgresDatabase().getConnection();
            try (InputStream in =
                            RecommendBenchmark.class.getResourceAsStream("/db/migration/resource/V60_1__resource.sql");
                    Statement st = connection.createStatement()) {
                st.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            Map<String, List<String>> byType = new LinkedHashMap<>();
            try (Statement st = connection.createStatement()) {
                try (ResultSet rs = st.executeQuery("select code from resource.capabilities order by sort")) {
                    while (rs.next()) {
                        capabilityCodes.add(rs.getString(1));
                    }
                }
                try (ResultSet rs = st.executeQuery(
                        "select event_type, capability from resource.event_capabilities where event_type <> '*'")) {
                    while (rs.next()) {
                        byType.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                .add(rs.getString(2));
                    }
                }
            }
            List<String> categories = new ArrayList<>();
            try (Statement st = connection.createStatement();
                    ResultSet rs = st.executeQuery("select code from resource.equipment_categories order by sort")) {
                while (rs.next()) {
                    categories.add(rs.getString(1));
                }
            }
            generate(categories);
            try (Statement st = connection.createStatement()) {
                st.execute("analyze");
            }
            snapshot = new RecommendationSnapshot(
                    1,
                    capabilityCodes,
                    new JdbcTeamStore(JdbcClient.create(pg.getPostgresDatabase())).indexRows(since));
            SplittableRandom rnd = new SplittableRandom(11);
            List<List<String>> types = new ArrayList<>(byType.values());
            for (int i = 0; i < EVENTS; i++) {
                List<String> needs = types.get(rnd.nextInt(types.size()));
                eventNeeds.add(needs);
                eventMask[i] = snapshot.mask(needs);
                eventLon[i] = LON0 + rnd.nextDouble() * SPAN_LON;
                eventLat[i] = LAT0 + rnd.nextDouble() * SPAN_LAT;
            }
            rank = connection.prepareStatement(RANK_SQL);
            int same = 0;
            int checked = 50;
            for (int i = 0; i < checked; i++) {
                List<UUID> mem = snapshot.rank(eventMask[i], eventLon[i], eventLat[i], today, null, LIMIT).stream()
                        .map(r -> r.team().id().value())
                        .toList();
                if (mem.equals(postgres(i))) {
                    same++;
                }
            }
            // a benchmark's own result line on stdout, next to JMH's table (recorded in docs/benchmarks.md)
            System.out.println("Same top-" + LIMIT + " (ids and order) from both for " + same + " of " + checked
                    + " events; the rest differ only where scores tie to floating-point rounding");
            if (same < checked * 9 / 10) {
                throw new IllegalStateException("in-memory and PostgreSQL rankings disagree: " + same + "/" + checked);
            }
        }

        List<UUID> postgres(int i) throws Exception {
            List<String> needs = eventNeeds.get(i);
            Array arr = connection.createArrayOf("text", needs.toArray());
            rank.setArray(1, arr);
            rank.setDate(2, Date.valueOf(today));
            rank.setArray(3, arr);
            rank.setTimestamp(4, Timestamp.from(since));
            rank.setDouble(5, needs.size());
            rank.setDouble(6, eventLat[i]);
            rank.setDouble(7, eventLat[i]);
            rank.setDouble(8, eventLon[i]);
            rank.setInt(9, LIMIT);
            List<UUID> out = new ArrayList<>(LIMIT);
            try (ResultSet rs = rank.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getObject(1, UUID.class));
                }
            }
            return out;
        }

        private void generate(List<String> categories) throws Exception {
            SplittableRandom rnd = new SplittableRandom(2026);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            String now = Instant.now().toString();
            String[] kinds = {"NATIONAL_FIRE_RESCUE", "PRO_HAZCHEM", "PRO_WATER", "PRO_MEDICAL", "ENTERPRISE", "SOCIAL"
            };
            UUID[] ids = new UUID[TEAMS];
            StringBuilder teams = new StringBuilder();
            for (int i = 0; i < TEAMS; i++) {
                ids[i] = new UUID(0x5EA, i);
                String primary = capabilityCodes.get(rnd.nextInt(capabilityCodes.size()));
                List<String> further = new ArrayList<>();
                int k = rnd.nextInt(4);
                for (int j = 0; j < k; j++) {
                    String c = capabilityCodes.get(rnd.nextInt(capabilityCodes.size()));
                    if (!c.equals(primary) && !further.contains(c)) {
                        further.add(c);
                    }
                }
                String status = rnd.nextInt(10) < 8 ? "STANDBY" : "DISPATCHED";
                String path = "/340000000000/34" + String.format("%02d", rnd.nextInt(16) + 1) + "00000000/";
                teams.append(ids[i])
                        .append('\t')
                        .append("队伍")
                        .append(i)
                        .append('\t')
                        .append(kinds[rnd.nextInt(kinds.length)])
                        .append('\t')
                        .append(5 + rnd.nextInt(60))
                        .append('\t')
                        .append(primary)
                        .append('\t')
                        .append('{')
                        .append(String.join(",", further))
                        .append('}')
                        .append('\t')
                        .append(1 + rnd.nextInt(3))
                        .append('\t')
                        .append(LON0 + rnd.nextDouble() * SPAN_LON)
                        .append('\t')
                        .append(LAT0 + rnd.nextDouble() * SPAN_LAT)
                        .append('\t')
                        .append(path)
                        .append('\t')
                        .append(status)
                        .append('\t')
                        .append(now)
                        .append('\t')
                        .append(now)
                        .append('\t')
                        .append(now)
                        .append('\n');
            }
            copy.copyIn(
                    "copy resource.teams (id, name, kind, headcount, primary_capability, capabilities, readiness, lon,"
                            + " lat, division_path, status, status_at, created_at, updated_at) from stdin",
                    new StringReader(teams.toString()));
            StringBuilder equipment = new StringBuilder();
            String[] states = {"IN_SERVICE", "IN_SERVICE", "IN_SERVICE", "MAINTENANCE", "RETIRED"};
            for (int i = 0; i < EQUIPMENT; i++) {
                int t = rnd.nextInt(TEAMS);
                equipment
                        .append(new UUID(0xE0, i))
                        .append('\t')
                        .append(ids[t])
                        .append('\t')
                        .append("装备")
                        .append(i)
                        .append('\t')
                        .append(categories.get(rnd.nextInt(categories.size())))
                        .append('\t')
                        .append(1 + rnd.nextInt(10))
                        .append('\t')
                        .append(states[rnd.nextInt(states.length)])
                        .append('\t')
                        .append("/340000000000/")
                        .append('\t')
                        .append(now)
                        .append('\n');
            }
            copy.copyIn(
                    "copy resource.equipment (id, team_id, name, category, quantity, state, division_path, created_at)"
                            + " from stdin",
                    new StringReader(equipment.toString()));
            StringBuilder members = new StringBuilder();
            StringBuilder skills = new StringBuilder();
            int m = 0;
            for (int i = 0; i < TEAMS; i += 5) {
                UUID member = new UUID(0xAB, m++);
                members.append(member)
                        .append('\t')
                        .append(ids[i])
                        .append('\t')
                        .append("队员")
                        .append(m)
                        .append('\t')
                        .append("/340000000000/")
                        .append('\t')
                        .append(now)
                        .append('\n');
                LocalDate expires = today.plusDays(rnd.nextInt(200) - 60);
                skills.append(new UUID(0xCD, m))
                        .append('\t')
                        .append(member)
                        .append('\t')
                        .append(capabilityCodes.get(rnd.nextInt(capabilityCodes.size())))
                        .append('\t')
                        .append(expires)
                        .append('\n');
            }
            copy.copyIn(
                    "copy resource.members (id, team_id, name, division_path, created_at) from stdin",
                    new StringReader(members.toString()));
            copy.copyIn(
                    "copy resource.member_skills (id, member_id, capability, expires_on) from stdin",
                    new StringReader(skills.toString()));
            StringBuilder dispatches = new StringBuilder();
            for (int i = 0; i < 5_000; i++) {
                dispatches
                        .append(new UUID(0xD1, i))
                        .append('\t')
                        .append(ids[rnd.nextInt(TEAMS)])
                        .append('\t')
                        .append(new UUID(0x1C, i))
                        .append('\t')
                        .append("/340000000000/")
                        .append('\t')
                        .append(Instant.now().minusSeconds(rnd.nextInt(60 * 86_400)))
                        .append('\t')
                        .append("bench")
                        .append('\n');
            }
            copy.copyIn(
                    "copy resource.dispatches (id, team_id, incident_id, division_path, dispatched_at, dispatched_by)"
                            + " from stdin",
                    new StringReader(dispatches.toString()));
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            rank.close();
            connection.close();
            pg.close();
        }
    }

    /** Per-thread cursor over the events. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Benchmark
    public List<RecommendationSnapshot.Ranked> inMemoryIndex(Data d, Cursor c) {
        int i = c.next++ & (EVENTS - 1);
        return d.snapshot.rank(d.eventMask[i], d.eventLon[i], d.eventLat[i], d.today, null, LIMIT);
    }

    @Benchmark
    public List<UUID> postgresQuery(Data d, Cursor c) throws Exception {
        int i = c.next++ & (EVENTS - 1);
        return d.postgres(i);
    }

    /** Statuses written by the flipping thread, checked against the snapshot after each iteration. */
    @State(Scope.Group)
    public static class Flips {
        final Map<UUID, TeamStatus> expected = new java.util.concurrent.ConcurrentHashMap<>();
        final SplittableRandom rnd = new SplittableRandom(5);
        final List<Team> all = new ArrayList<>();
        Data data;

        @Setup(Level.Trial)
        public void setUp(Data d) {
            data = d;
            for (int i = 0; i < TEAMS; i++) {
                Team t = d.snapshot.team(new UUID(0x5EA, i));
                if (t != null) {
                    all.add(t);
                }
            }
        }

        @TearDown(Level.Iteration)
        public void check() {
            int wrong = 0;
            for (Map.Entry<UUID, TeamStatus> e : expected.entrySet()) {
                if (data.snapshot.team(e.getKey()).status() != e.getValue()) {
                    wrong++;
                }
            }
            if (wrong > 0) {
                throw new IllegalStateException(wrong + " teams show a status other than the last one written");
            }
            // the consistency check's result on stdout, next to JMH's table (recorded in docs/benchmarks.md)
            System.out.println("Index consistent: " + expected.size() + " teams flipped, all show their last status");
        }
    }

    @Benchmark
    @Group("whileStatusesChange")
    @GroupThreads(1)
    public List<RecommendationSnapshot.Ranked> rankWhileStatusesChange(Data d, Cursor c) {
        return inMemoryIndex(d, c);
    }

    @Benchmark
    @Group("whileStatusesChange")
    @GroupThreads(1)
    public void flipStatus(Flips f) {
        Team t;
        synchronized (f) {
            t = f.all.get(f.rnd.nextInt(f.all.size()));
        }
        Team current = f.data.snapshot.team(t.id().value());
        TeamStatus next = current.status() == TeamStatus.STANDBY ? TeamStatus.DISPATCHED : TeamStatus.STANDBY;
        Team changed = new Team(
                current.id(),
                current.name(),
                current.kind(),
                current.organisation(),
                current.base(),
                current.headcount(),
                current.primaryCapability(),
                current.capabilities(),
                current.readiness(),
                current.lon(),
                current.lat(),
                current.divisionPath(),
                current.leaderUsername(),
                current.phone(),
                next,
                Instant.now(),
                null,
                current.lastPingAt(),
                current.version() + 1);
        f.data.snapshot.replace(changed);
        f.expected.put(changed.id().value(), next);
    }
}
