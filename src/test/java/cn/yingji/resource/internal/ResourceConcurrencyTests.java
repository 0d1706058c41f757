package cn.yingji.resource.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yingji.incident.IncidentId;
import cn.yingji.incident.IncidentManagement;
import cn.yingji.resource.TeamId;
import cn.yingji.resource.TeamStatus;
import cn.yingji.shared.ConflictException;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.support.YingjiTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The invariants that single conditional statements guard under concurrent requests (real threads against the real
 * database), and the ones that depend on time: stock never reserved below zero, shelters never above capacity, a
 * team dispatched at most once, an expired certificate out of matching.
 */
@YingjiTest
class ResourceConcurrencyTests {

    private final RegistryService registries;
    private final TeamService teams;
    private final IncidentManagement incidents;
    private final JdbcClient jdbc;

    ResourceConcurrencyTests(
            RegistryService registries, TeamService teams, IncidentManagement incidents, JdbcClient jdbc) {
        this.registries = registries;
        this.teams = teams;
        this.incidents = incidents;
        this.jdbc = jdbc;
    }

    /** Runs {@code n} copies of the task at once; answers how many succeeded and how many hit a conflict. */
    private static int[] race(int n, Callable<?> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            futures.add(pool.submit(() -> {
                SecurityContextHolder.clearContext();
                start.await();
                try {
                    task.call();
                    return true;
                } catch (ConflictException e) {
                    return false;
                }
            }));
        }
        start.countDown();
        int ok = 0;
        int conflicts = 0;
        for (Future<Boolean> f : futures) {
            if (f.get(60, TimeUnit.SECONDS)) {
                ok++;
            } else {
                conflicts++;
            }
        }
        pool.shutdown();
        return new int[] {ok, conflicts};
    }

    private UUID warehouse() {
        SecurityContextHolder.clearContext();
        return registries.create(
                Registry.WAREHOUSES,
                Map.of(
                        "name", ResourceFixtures.unique("测试仓库"),
                        "lon", "117.325",
                        "lat", "31.872"));
    }

    @Test
    void stockIsNeverReservedBelowZeroUnderConcurrentRequests() throws Exception {
        UUID wh = warehouse();
        UUID stock = registries.create(
                Registry.STOCK,
                Map.of(
                        "warehouseId", wh.toString(),
                        "item", "防化服",
                        "unit", "套",
                        "batch", "B-2026-01",
                        "quantity", "10",
                        "minLevel", "2"));
        int[] result = race(16, () -> {
            registries.reserve(stock, 1, null, null);
            return null;
        });
        assertThat(result[0]).isEqualTo(10);
        assertThat(result[1]).isEqualTo(6);
        JdbcRegistryStore.Row row = registries.find(Registry.STOCK, stock).orElseThrow();
        assertThat(row.available()).isZero();
        assertThat(row.low()).as("below the minimum level").isTrue();
        assertThat(jdbc.sql("select count(*) from resource.reservations where stock_id = :s")
                        .param("s", stock)
                        .query(Long.class)
                        .single())
                .isEqualTo(10);
        assertThatThrownBy(() -> registries.reserve(stock, -1, null, null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aNegativeQuantityIsRejectedAndNothingIsStored() {
        UUID wh = warehouse();
        long before = jdbc.sql("select count(*) from resource.stock")
                .query(Long.class)
                .single();
        assertThatThrownBy(() -> registries.create(
                        Registry.STOCK,
                        Map.of(
                                "warehouseId", wh.toString(),
                                "item", "沙袋",
                                "unit", "个",
                                "batch", "B1",
                                "quantity", "-5")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).anySatisfy(fe -> {
                            assertThat(fe.field()).isEqualTo("quantity");
                            assertThat(fe.messageKey()).isEqualTo("resource.error.negative");
                        }));
        assertThat(jdbc.sql("select count(*) from resource.stock")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void aShelterNeverHoldsMoreThanItsCapacity() throws Exception {
        SecurityContextHolder.clearContext();
        UUID shelter = registries.create(
                Registry.SHELTERS,
                Map.of(
                        "name", ResourceFixtures.unique("测试避难场所"),
                        "level", "TOWNSHIP",
                        "duration", "EMERGENCY",
                        "capacity", "5",
                        "lon", "117.326",
                        "lat", "31.873"));
        registries.occupy(shelter, 3);
        assertThatThrownBy(() -> registries.occupy(shelter, 3)).isInstanceOf(ConflictException.class);
        assertThat(registries.find(Registry.SHELTERS, shelter).orElseThrow().occupancy())
                .isEqualTo(3);
        int[] result = race(8, () -> {
            registries.occupy(shelter, 1);
            return null;
        });
        assertThat(result[0]).isEqualTo(2);
        assertThat(registries.find(Registry.SHELTERS, shelter).orElseThrow().occupancy())
                .isEqualTo(5);
        assertThatThrownBy(() -> registries.occupy(shelter, -6)).isInstanceOf(ConflictException.class);
        JdbcRegistryStore.Row row = registries.find(Registry.SHELTERS, shelter).orElseThrow();
        Map<String, String> lower = new java.util.HashMap<>();
        for (Registry.Field f : Registry.SHELTERS.fields()) {
            lower.put(f.name(), row.text(f.name()));
        }
        lower.put("capacity", "4");
        assertThatThrownBy(() -> registries.update(Registry.SHELTERS, shelter, row.version(), lower))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aTeamDispatchedTwiceAtOnceIsDispatchedExactlyOnce() throws Exception {
        TeamId team = ResourceFixtures.createTeam(teams, ResourceFixtures.unique("并发调派队"), "HAZCHEM", List.of());
        IncidentId a = ResourceFixtures.hazchemIncident(incidents, "并发调派测试A");
        IncidentId b = ResourceFixtures.hazchemIncident(incidents, "并发调派测试B");
        List<IncidentId> targets = List.of(a, b);
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        int[] result = race(2, () -> teams.dispatch(team, targets.get(next.getAndIncrement()), null));
        assertThat(result).containsExactly(1, 1);
        assertThat(jdbc.sql("select count(*) from resource.dispatches where team_id = :t")
                        .param("t", team.value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from resource.team_status_history where team_id = :t and to_status"
                                + " = 'DISPATCHED'")
                        .param("t", team.value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        SecurityContextHolder.clearContext();
        assertThat(teams.find(team).orElseThrow().status()).isEqualTo(TeamStatus.DISPATCHED);
    }

    @Test
    void anExpiredCertificateRemovesTheSkillFromMatching() {
        String name = ResourceFixtures.unique("证书测试队");
        TeamId team = ResourceFixtures.createTeam(teams, name, "FIRE_RESCUE", List.of());
        SecurityContextHolder.clearContext();
        UUID member = teams.addMember(team, "张三", "队员", null);
        LocalDate yesterday = teams.today().minusDays(1);
        UUID skill = teams.addSkill(team, member, "HAZCHEM", "危化-001", yesterday);

        assertThat(teams.effectiveCapabilities(team)).containsExactly("FIRE_RESCUE");
        assertThat(coveredFor(name)).containsExactly("FIRE_RESCUE");
        assertThat(teams.expiringCertificates(30))
                .anySatisfy(c -> assertThat(c.teamName()).isEqualTo(name));

        teams.renewSkill(team, member, skill, teams.today().plusYears(1));
        assertThat(teams.effectiveCapabilities(team)).containsExactly("FIRE_RESCUE", "HAZCHEM");
        assertThat(coveredFor(name)).containsExactlyInAnyOrder("FIRE_RESCUE", "HAZCHEM");

        teams.renewSkill(team, member, skill, teams.today());
        assertThat(coveredFor(name)).as("valid through its last day").contains("HAZCHEM");
    }

    private List<String> coveredFor(String teamName) {
        SecurityContextHolder.clearContext();
        return teams
                .recommend(
                        List.of("HAZCHEM", "FIRE_RESCUE", "MEDICAL"),
                        ResourceFixtures.YAOHAI[0],
                        ResourceFixtures.YAOHAI[1],
                        100)
                .stream()
                .filter(r -> r.team().name().equals(teamName))
                .findFirst()
                .orElseThrow()
                .covered();
    }
}
