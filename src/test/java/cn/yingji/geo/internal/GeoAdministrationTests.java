package cn.yingji.geo.internal;

import static cn.yingji.geo.internal.GeoTestCity.CITY;
import static cn.yingji.geo.internal.GeoTestCity.box;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yingji.geo.Division;
import cn.yingji.geo.DivisionCode;
import cn.yingji.geo.DivisionDraft;
import cn.yingji.geo.DivisionLevel;
import cn.yingji.geo.Divisions;
import cn.yingji.geo.GeoAdministration;
import cn.yingji.geo.GridDraft;
import cn.yingji.geo.Location;
import cn.yingji.identity.UserManagement;
import cn.yingji.shared.DomainException.FieldError;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.support.YingjiTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestConstructor;

@YingjiTest
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class GeoAdministrationTests {

    private final GeoAdministration admin;
    private final Divisions divisions;
    private final UserManagement users;
    private final JdbcClient jdbc;

    GeoAdministrationTests(GeoAdministration admin, Divisions divisions, UserManagement users, JdbcClient jdbc) {
        this.admin = admin;
        this.divisions = divisions;
        this.users = users;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void city() {
        GeoTestCity.ensure(admin, users);
    }

    @Test
    void treeIsReadableThroughTheFacade() {
        Division city = divisions.find(DivisionCode.of(CITY)).orElseThrow();
        assertThat(city.level()).isEqualTo(DivisionLevel.CITY);
        assertThat(city.path()).isEqualTo("/990100000000/");
        assertThat(divisions.children(city.code()))
                .extracting(d -> d.code().value())
                .containsExactly("990101000000", "990102000000");
        Division village = divisions.find(DivisionCode.of("990102002001")).orElseThrow();
        assertThat(village.path()).isEqualTo("/990100000000/990102000000/990102002000/990102002001/");
        assertThat(divisions.byPath(village.path())).contains(village);
        assertThat(divisions.byPath(village.path() + "990102002001003/")).contains(village);
        assertThat(divisions.findGrid("990102002001003"))
                .get()
                .extracting(g -> g.path())
                .isEqualTo(village.path() + "990102002001003/");
        assertThat(divisions.root()).isPresent();
    }

    @Test
    void reloadingTheSameCityChangesNothing() {
        assertThat(admin.upsertDivisions(GeoTestCity.divisions())).isZero();
        assertThat(admin.upsertGrids(GeoTestCity.grids())).isZero();
    }

    @Test
    void locateFindsGridAndFullChain() {
        // East county (lon 100.5..101), north township (lat 20.5..21), west village (lon 100.5..100.75),
        // grid 3 = x 0, y 1 → lon 100.5..100.625, lat 20.75..21
        Location loc = divisions.locate(100.55, 20.9).orElseThrow();
        assertThat(loc.chain())
                .extracting(d -> d.code().value())
                .containsExactly("990100000000", "990102000000", "990102002000", "990102002001");
        assertThat(loc.grid()).isNotNull();
        assertThat(loc.grid().code()).isEqualTo("990102002001003");
        assertThat(loc.path()).isEqualTo(loc.grid().path());
    }

    @Test
    void locateOutsideEveryDivisionIsEmpty() {
        assertThat(divisions.locate(99.5, 20.5)).isEmpty();
        assertThat(divisions.locate(100.5, 22)).isEmpty();
        assertThat(divisions.locate(Double.NaN, 20)).isEmpty();
    }

    @Test
    void pointOnASharedEdgeGoesToTheSmallerCodeEveryTime() {
        // lon 100.5 is the border between the two counties and their villages and grids.
        Location loc = divisions.locate(100.5, 20.1).orElseThrow();
        assertThat(loc.grid()).isNotNull();
        assertThat(loc.grid().code()).isEqualTo("990101001002002");
        assertThat(loc.chain().get(1).code().value()).isEqualTo("990101000000");
        for (int i = 0; i < 10; i++) {
            assertThat(divisions.locate(100.5, 20.1)).contains(loc);
        }
        // A corner shared by four grids.
        assertThat(divisions.locate(100.125, 20.25).orElseThrow().grid().code()).isEqualTo("990101001001001");
    }

    @Test
    void indexFollowsAnUpsert() {
        // A new village in the west-south township whose grid has a hole-free outline outside the old grids:
        // reuse a corner of the city by renaming a grid, then check the index answers the new name.
        GridDraft old = GeoTestCity.grids().get(0);
        try {
            admin.upsertGrids(List.of(new GridDraft(old.code(), "改名网格", old.village(), old.geometry())));
            Location loc = divisions.locate(100.01, 20.01).orElseThrow();
            assertThat(loc.grid().name()).isEqualTo("改名网格");
            assertThat(divisions.findGrid(old.code()).orElseThrow().name()).isEqualTo("改名网格");
        } finally {
            admin.upsertGrids(List.of(old));
        }
        assertThat(divisions.locate(100.01, 20.01).orElseThrow().grid().name()).isEqualTo(old.name());
    }

    @Test
    void aBatchWithBadDraftsListsEveryOneAndWritesNothing() {
        long divisionsBefore = count("geo.divisions");
        long auditBefore = count("identity.audit_log");
        Geometry bowtie = GeoJson.FACTORY.createPolygon(new Coordinate[] {
            new Coordinate(100, 20),
            new Coordinate(100.1, 20.1),
            new Coordinate(100.1, 20),
            new Coordinate(100, 20.1),
            new Coordinate(100, 20)
        });
        List<DivisionDraft> drafts = List.of(
                // 0: fine (new village)
                new DivisionDraft(
                        DivisionCode.of("990101001009"),
                        "新社区",
                        DivisionLevel.VILLAGE,
                        DivisionCode.of("990101001000"),
                        box(100, 20, 100.01, 20.01)),
                // 1: unknown parent
                new DivisionDraft(
                        DivisionCode.of("990109001001"),
                        "孤儿社区",
                        DivisionLevel.VILLAGE,
                        DivisionCode.of("990109001000"),
                        null),
                // 2: self-intersecting boundary
                new DivisionDraft(
                        DivisionCode.of("990101001008"),
                        "坏边界",
                        DivisionLevel.VILLAGE,
                        DivisionCode.of("990101001000"),
                        bowtie),
                // 3: a township under a city (level skipped)
                new DivisionDraft(
                        DivisionCode.of("990100009000"), "跳级街道", DivisionLevel.TOWNSHIP, DivisionCode.of(CITY), null),
                // 4: a city with a parent
                new DivisionDraft(
                        DivisionCode.of("990200000000"), "有上级的市", DivisionLevel.CITY, DivisionCode.of(CITY), null),
                // 5: latitude out of range (lat/lon swapped)
                new DivisionDraft(
                        DivisionCode.of("990101001007"),
                        "经纬颠倒",
                        DivisionLevel.VILLAGE,
                        DivisionCode.of("990101001000"),
                        box(20, 100, 20.1, 100.1)),
                // 6: blank name
                new DivisionDraft(
                        DivisionCode.of("990101001006"),
                        " ",
                        DivisionLevel.VILLAGE,
                        DivisionCode.of("990101001000"),
                        null));
        assertThatThrownBy(() -> admin.upsertDivisions(drafts))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.fieldErrors())
                            .extracting(FieldError::field)
                            .containsOnly("drafts[1]", "drafts[2]", "drafts[3]", "drafts[4]", "drafts[5]", "drafts[6]")
                            .contains("drafts[1]", "drafts[2]", "drafts[3]", "drafts[4]", "drafts[5]", "drafts[6]");
                    assertThat(e.fieldErrors())
                            .extracting(FieldError::messageKey)
                            .contains(
                                    "geo.error.parentUnknown",
                                    "geo.error.geometryInvalid",
                                    "geo.error.parentLevel",
                                    "geo.error.cityHasParent",
                                    "geo.error.coordinateRange",
                                    "geo.error.name");
                });
        assertThat(count("geo.divisions")).isEqualTo(divisionsBefore);
        assertThat(count("identity.audit_log")).isEqualTo(auditBefore);
        assertThat(divisions.find(DivisionCode.of("990101001009"))).isEmpty();
    }

    @Test
    void badGridsAreRejectedWithTheirRows() {
        long before = count("geo.grids");
        List<GridDraft> drafts = List.of(
                new GridDraft("990101001001099", "好网格", DivisionCode.of("990101001001"), box(100, 20, 100.01, 20.01)),
                new GridDraft("12345", "短代码", DivisionCode.of("990101001001"), box(100, 20, 100.01, 20.01)),
                new GridDraft("990101001002001", "错村", DivisionCode.of("990101001001"), box(100, 20, 100.01, 20.01)),
                new GridDraft(
                        "990101001001098",
                        "点",
                        DivisionCode.of("990101001001"),
                        GeoJson.FACTORY.createPoint(new Coordinate(100, 20))));
        assertThatThrownBy(() -> admin.upsertGrids(drafts))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors())
                                .extracting(FieldError::field)
                                .containsExactly("drafts[1]", "drafts[2]", "drafts[3]"));
        assertThat(count("geo.grids")).isEqualTo(before);
    }

    @Test
    void oneAuditEntryPerBulkCall() {
        long before = jdbc.sql("select count(*) from identity.audit_log where entity_type = 'geo.grid'")
                .query(Long.class)
                .single();
        GridDraft old = GeoTestCity.grids().get(1);
        List<GridDraft> renamed = GeoTestCity.grids().stream()
                .map(g -> new GridDraft(g.code(), g.name() + "*", g.village(), g.geometry()))
                .toList();
        try {
            assertThat(admin.upsertGrids(renamed)).isEqualTo(renamed.size());
        } finally {
            admin.upsertGrids(GeoTestCity.grids());
        }
        long after = jdbc.sql("select count(*) from identity.audit_log where entity_type = 'geo.grid'")
                .query(Long.class)
                .single();
        assertThat(after - before).isEqualTo(2);
        assertThat(divisions.findGrid(old.code()).orElseThrow().name()).isEqualTo(old.name());
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
