package cn.yingji.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yingji.geo.DivisionDraft;
import cn.yingji.geo.DivisionLevel;
import cn.yingji.geo.GridDraft;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;

/** The generator alone: no Spring, no database. */
class CityGeneratorTests {

    static GeneratedCity city;

    @BeforeAll
    static void generate() {
        city = new CityGenerator(20231).generate();
    }

    @Test
    void usesTheRealCodesOfTheNineCountiesWithBoundaries() {
        Map<DivisionLevel, Integer> counts = levelCounts(city);
        assertThat(counts.get(DivisionLevel.CITY)).isEqualTo(1);
        assertThat(counts.get(DivisionLevel.COUNTY)).isEqualTo(9);
        assertThat(counts.get(DivisionLevel.TOWNSHIP)).isBetween(100, 160);
        assertThat(counts.get(DivisionLevel.VILLAGE)).isBetween(1_500, 1_800);
        assertThat(city.grids()).hasSizeBetween(9_000, 11_000);
        assertThat(city.skippedCounties()).hasSize(3).allMatch(s -> s.contains("开发区"));
        assertThat(city.divisions()).anySatisfy(d -> {
            assertThat(d.code().value()).isEqualTo("340102001000");
            assertThat(d.name()).isEqualTo("明光路街道");
        });
    }

    @Test
    void everyDivisionHasAParentInTheBatchAndAValidBoundary() {
        Set<String> codes = new HashSet<>();
        for (DivisionDraft d : city.divisions()) {
            if (d.parent() != null) {
                assertThat(codes)
                        .as("parent of %s comes first", d.code())
                        .contains(d.parent().value());
            }
            codes.add(d.code().value());
            assertThat(d.geometry()).isNotNull();
            assertThat(d.geometry().isValid()).as("valid %s", d.code()).isTrue();
            assertThat(d.geometry().getGeometryType()).isIn("Polygon", "MultiPolygon");
        }
        for (GridDraft g : city.grids()) {
            assertThat(g.code()).matches("\\d{15}").startsWith(g.village().value());
            assertThat(codes).contains(g.village().value());
            assertThat(g.geometry().isValid()).as("valid %s", g.code()).isTrue();
        }
        assertThat(city.grids().stream().map(GridDraft::code).distinct())
                .hasSize(city.grids().size());
    }

    @Test
    void childrenTileTheirParents() {
        Map<String, Geometry> shapes = new HashMap<>();
        Map<String, List<Geometry>> children = new HashMap<>();
        for (DivisionDraft d : city.divisions()) {
            shapes.put(d.code().value(), d.geometry());
            if (d.parent() != null) {
                children.computeIfAbsent(d.parent().value(), k -> new ArrayList<>())
                        .add(d.geometry());
            }
        }
        for (GridDraft g : city.grids()) {
            children.computeIfAbsent(g.village().value(), k -> new ArrayList<>())
                    .add(g.geometry());
        }
        // A sample: every parent that is the city, a county, one township in ten, one village in twenty.
        int checked = 0;
        int i = 0;
        for (DivisionDraft d : city.divisions()) {
            i++;
            boolean sampled = switch (d.level()) {
                case CITY, COUNTY -> true;
                case TOWNSHIP -> i % 10 == 0;
                case VILLAGE -> i % 20 == 0;
            };
            List<Geometry> kids = children.get(d.code().value());
            if (!sampled || kids == null) {
                continue;
            }
            Geometry parent = shapes.get(d.code().value());
            double sum = kids.stream().mapToDouble(Geometry::getArea).sum();
            assertThat(sum).as("area of children of %s", d.code()).isCloseTo(parent.getArea(), withinPct(parent));
            Geometry tolerant = parent.buffer(1e-9);
            for (Geometry k : kids) {
                assertThat(tolerant.covers(k.getInteriorPoint()))
                        .as("child of %s lies inside it", d.code())
                        .isTrue();
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void sameSeedGivesByteIdenticalOutputAndAnotherSeedDoesNot() {
        String first = digest(city);
        String again = digest(new CityGenerator(20231).generate());
        String other = digest(new CityGenerator(7).generate());
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void tilerSplitsASquareIntoDisjointPiecesCoveringIt() {
        Tiler tiler = new Tiler(DemoSource.FACTORY);
        Geometry square = DemoSource.FACTORY.toGeometry(new org.locationtech.jts.geom.Envelope(117, 117.1, 31, 31.1));
        List<Geometry> pieces = tiler.tile(square, 12, new SplittableRandom(1));
        assertThat(pieces).hasSize(12);
        Geometry union = pieces.get(0);
        for (int a = 0; a < pieces.size(); a++) {
            for (int b = a + 1; b < pieces.size(); b++) {
                assertThat(pieces.get(a).intersection(pieces.get(b)).getArea()).isLessThan(1e-12);
            }
            union = union.union(pieces.get(a));
        }
        assertThat(union.symDifference(square).getArea()).isLessThan(1e-10);
    }

    @Test
    void gridCountsAreBoundedAndGrowWithArea() {
        assertThat(CityGenerator.gridCount(0, 100, 10_000)).isEqualTo(CityGenerator.MIN_GRIDS_PER_VILLAGE);
        assertThat(CityGenerator.gridCount(100, 100, 1000)).isEqualTo(CityGenerator.MAX_GRIDS_PER_VILLAGE);
        assertThat(CityGenerator.gridCount(0.2, 100, 1000)).isGreaterThan(CityGenerator.gridCount(0.01, 100, 1000));
    }

    private static org.assertj.core.data.Percentage withinPct(Geometry parent) {
        return org.assertj.core.data.Percentage.withPercentage(0.5);
    }

    static Map<DivisionLevel, Integer> levelCounts(GeneratedCity c) {
        Map<DivisionLevel, Integer> counts = new HashMap<>();
        c.divisions().forEach(d -> counts.merge(d.level(), 1, Integer::sum));
        return counts;
    }

    static String digest(GeneratedCity c) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            WKBWriter wkb = new WKBWriter();
            for (DivisionDraft d : c.divisions()) {
                md.update((d.code() + d.name() + d.level() + d.parent())
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update(wkb.write(d.geometry()));
            }
            for (GridDraft g : c.grids()) {
                md.update((g.code() + g.name()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update(wkb.write(g.geometry()));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
