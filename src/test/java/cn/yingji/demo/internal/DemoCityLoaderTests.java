package cn.yingji.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yingji.directory.Directory;
import cn.yingji.directory.PersonFilter;
import cn.yingji.directory.PositionKinds;
import cn.yingji.directory.Shift;
import cn.yingji.directory.ShiftRole;
import cn.yingji.geo.Division;
import cn.yingji.geo.DivisionCode;
import cn.yingji.geo.DivisionLevel;
import cn.yingji.geo.Divisions;
import cn.yingji.identity.CurrentUser;
import cn.yingji.identity.Jurisdiction;
import cn.yingji.identity.Role;
import cn.yingji.shared.PageQuery;
import cn.yingji.support.YingjiTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestConstructor;

/** The loaded demo city in the shared test application (loaded at start-up, as in production). */
@YingjiTest
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class DemoCityLoaderTests {

    private final DemoCityLoader loader;
    private final Divisions divisions;
    private final UserDetailsService userDetails;
    private final PasswordEncoder encoder;
    private final CurrentUser currentUser;
    private final JdbcClient jdbc;
    private final Directory directory;

    DemoCityLoaderTests(
            DemoCityLoader loader,
            Divisions divisions,
            UserDetailsService userDetails,
            PasswordEncoder encoder,
            CurrentUser currentUser,
            JdbcClient jdbc,
            Directory directory) {
        this.loader = loader;
        this.divisions = divisions;
        this.userDetails = userDetails;
        this.encoder = encoder;
        this.currentUser = currentUser;
        this.jdbc = jdbc;
        this.directory = directory;
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theCityIsLoadedWithTheRealCodes() {
        Division root = divisions.root().orElseThrow();
        assertThat(root.code().value()).isEqualTo("340100000000");
        assertThat(root.name()).isEqualTo("合肥市");
        List<Division> counties = divisions.children(root.code());
        assertThat(counties).hasSize(9).extracting(Division::name).contains("瑶海区", "巢湖市", "庐江县");
        Division mingguang = divisions.find(DivisionCode.of("340102001000")).orElseThrow();
        assertThat(mingguang.name()).isEqualTo("明光路街道");
        assertThat(mingguang.level()).isEqualTo(DivisionLevel.TOWNSHIP);
        assertThat(mingguang.path()).isEqualTo("/340100000000/340102000000/340102001000/");
        assertThat(divisions.findGrid(DirectoryPlanner.DEMO_GRID)).isPresent();
        assertThat(counts().get("townships")).isBetween(100L, 160L);
        assertThat(counts().get("villages")).isBetween(1_500L, 1_800L);
        assertThat(counts().get("grids")).isBetween(9_000L, 11_000L);
    }

    @Test
    void aPointInsideTheCityIsLocatedDownToItsGrid() {
        // 合肥市政府 area, in 包河区/蜀山区: any grid will do, as long as the whole chain is found.
        var location = divisions.locate(117.227, 31.821).orElseThrow();
        assertThat(location.chain())
                .extracting(Division::level)
                .containsExactly(
                        DivisionLevel.CITY, DivisionLevel.COUNTY, DivisionLevel.TOWNSHIP, DivisionLevel.VILLAGE);
        assertThat(location.grid()).isNotNull();
    }

    @Test
    void theDirectoryHoldsDepartmentsPersonsPositionsAndTheRoster() {
        String city = "/340100000000/";
        String yaohai = city + "340102000000/";
        String mingguang = yaohai + "340102001000/";
        assertThat(directory.persons(PersonFilter.all(), new PageQuery(0, 1)).total())
                .isBetween(1_800L, 2_600L);
        assertThat(directory.holdersAt(city, PositionKinds.FLOOD_CHIEF)).hasSize(1);
        assertThat(directory.holdersAt(yaohai, PositionKinds.FLOOD_CHIEF)).hasSize(1);
        assertThat(directory.holdersAt(mingguang, PositionKinds.TOWNSHIP_HEAD)).hasSize(1);
        assertThat(directory.holdersAt(mingguang, PositionKinds.TOWNSHIP_PARTY_SECRETARY))
                .hasSize(1);
        assertThat(directory.holdersAt(mingguang + "340102001001/", PositionKinds.VILLAGE_FLOOD_CONTACT))
                .hasSize(1);
        assertThat(directory.holdersAt(
                        mingguang + "340102001001/" + DirectoryPlanner.DEMO_GRID + "/", PositionKinds.GRID_WORKER))
                .hasSize(1);
        // Other tests may add shifts of their own to the same desks: only demand the demo roster's share.
        assertThat(directory.onDutyNow(city))
                .extracting(Shift::role)
                .contains(ShiftRole.LEADER_ON_DUTY, ShiftRole.DUTY_OFFICER)
                .filteredOn(r -> r == ShiftRole.DUTY_OFFICER)
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(directory.onDutyNow(yaohai))
                .extracting(Shift::role)
                .contains(ShiftRole.LEADER_ON_DUTY, ShiftRole.DUTY_OFFICER);
        Instant nextWeek = Instant.now().plus(Duration.ofDays(7));
        assertThat(directory.onDutyAt(city, nextWeek)).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void loadingAgainChangesNothing() {
        Map<String, Long> before = counts();
        DemoCityLoader.Result again = loader.load();
        assertThat(again).isEqualTo(new DemoCityLoader.Result(0, 0, 0, 0, 0));
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void everyDemoAccountExistsWithTheDocumentedPasswordAndScopes() {
        String city = "/340100000000/";
        String yaohai = city + "340102000000/";
        String mingguang = yaohai + "340102001000/";
        String village = mingguang + "340102001001/";
        String grid = village + DirectoryPlanner.DEMO_GRID + "/";

        assertAccount("admin", Role.ADMIN, List.of(city), List.of(city));
        assertAccount("duty", Role.DUTY_OFFICER, List.of(city), List.of(city));
        assertAccount("duty.yaohai", Role.DUTY_OFFICER, List.of(yaohai), List.of(yaohai));
        assertAccount("commander", Role.COMMANDER, List.of(city), List.of(city));
        assertAccount("dept.water", Role.DEPARTMENT_OFFICER, List.of(), List.of(city));
        assertAccount("district.yaohai", Role.DISTRICT_OFFICER, List.of(yaohai), List.of(yaohai));
        assertAccount("township.mingguang", Role.TOWNSHIP_OFFICER, List.of(mingguang), List.of(mingguang));
        assertAccount("grid.mingguang", Role.GRID_WORKER, List.of(grid), List.of(village));
        assertAccount("rescue.leader", Role.RESCUE_LEADER, List.of(yaohai), List.of(city));
        assertThat(signIn("enterprise").has(Role.ENTERPRISE_USER)).isTrue();
        assertThat(jdbc.sql("select count(*) from identity.users where demo and username in (:u)")
                        .param(
                                "u",
                                List.of(
                                        "admin",
                                        "duty",
                                        "duty.yaohai",
                                        "commander",
                                        "dept.water",
                                        "district.yaohai",
                                        "township.mingguang",
                                        "grid.mingguang",
                                        "rescue.leader",
                                        "enterprise"))
                        .query(Long.class)
                        .single())
                .isEqualTo(10);
    }

    @Test
    void aTownshipOfficerSeesOnlyTheirTownship() {
        Jurisdiction j = signIn("township.mingguang").jurisdiction();
        for (Division town : divisions.children(DivisionCode.of("340102000000"))) {
            boolean own = town.code().value().equals("340102001000");
            assertThat(j.canView(town.path())).as(town.name()).isEqualTo(own);
            assertThat(j.canCapture(town.path())).as(town.name()).isEqualTo(own);
            for (Division village : divisions.children(town.code())) {
                assertThat(j.canView(village.path())).isEqualTo(own);
            }
        }
        assertThat(j.canView("/340100000000/340102000000/")).isFalse();
        assertThat(j.canView("/340100000000/")).isFalse();
    }

    private void assertAccount(String username, Role role, List<String> capture, List<String> view) {
        CurrentUser.Account a = signIn(username);
        assertThat(a.roles()).as(username).containsExactly(role);
        assertThat(a.jurisdiction().capture()).as(username + " capture").containsExactlyElementsOf(capture);
        assertThat(a.jurisdiction().view()).as(username + " view").containsExactlyElementsOf(view);
    }

    private CurrentUser.Account signIn(String username) {
        UserDetails u = userDetails.loadUserByUsername(username);
        assertThat(encoder.matches(DemoAccounts.PASSWORD, u.getPassword()))
                .as(username)
                .isTrue();
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(u, null, u.getAuthorities()));
        return currentUser.require();
    }

    private Map<String, Long> counts() {
        return Map.of(
                "townships", count("select count(*) from geo.divisions where level = 'TOWNSHIP'"),
                "villages", count("select count(*) from geo.divisions where level = 'VILLAGE'"),
                "grids", count("select count(*) from geo.grids"),
                "users", count("select count(*) from identity.users"),
                "geoVersion", count("select version from geo.state"),
                "state", count("select count(*) from demo.state"),
                "persons",
                        directory
                                .persons(PersonFilter.all(), new PageQuery(0, 1))
                                .total(),
                // the incident module's overdue sweep audits on its own schedule, whenever it happens to run
                "audit", count("select count(*) from identity.audit_log where action <> 'flag-overdue'"));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
