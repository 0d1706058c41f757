package cn.yingji.demo.internal;

import cn.yingji.geo.DivisionCode;
import cn.yingji.geo.DivisionDraft;
import cn.yingji.geo.DivisionLevel;
import cn.yingji.geo.GridDraft;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Builds the demo city's geometry from the real 合肥市 division list and county boundaries. Townships tile their
 * county, villages their township, grids their village (see {@link Tiler}). County-level units without a boundary
 * (the three development zones) are left out together with their townships and villages: their areas lie inside the
 * districts, which keep only their own statutory townships.
 *
 * <p>Pure: no database, no clock. Every county draws from its own random stream derived from the seed and its code,
 * so the output is identical for the same seed (and counties can be built in parallel).
 */
final class CityGenerator {

    /** Bumped whenever the generated output changes for the same seed, so a loaded database is refreshed. */
    static final int VERSION = 1;

    /** About how many grids the whole city gets. */
    static final int GRID_TARGET = 10_000;

    static final int MIN_GRIDS_PER_VILLAGE = 2;
    static final int MAX_GRIDS_PER_VILLAGE = 30;

    private final long seed;
    private final GeometryFactory factory;
    private final Tiler tiler;

    CityGenerator(long seed) {
        this.seed = seed;
        this.factory = DemoSource.FACTORY;
        this.tiler = new Tiler(factory);
    }

    /** Generates from the bundled data files. */
    GeneratedCity generate() {
        return generate(DemoSource.divisions(), DemoSource.counties());
    }

    /**
     * The same divisions as {@link #generate()} without any geometry and without grids: enough to compute paths,
     * positions and the roster cheaply when the geometry is already loaded.
     */
    static GeneratedCity skeleton() {
        List<SourceDivision> rows = DemoSource.divisions();
        Map<String, Geometry> counties = DemoSource.counties();
        Map<String, String> kept = new LinkedHashMap<>();
        List<DivisionDraft> out = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<SourceDivision> sorted = new ArrayList<>(rows);
        sorted.sort(
                Comparator.comparing((SourceDivision r) -> r.level().ordinal()).thenComparing(SourceDivision::code));
        for (SourceDivision r : sorted) {
            boolean keep = switch (r.level()) {
                case CITY -> true;
                case COUNTY -> counties.containsKey(r.code());
                default -> kept.containsKey(r.parentCode());
            };
            if (keep) {
                kept.put(r.code(), r.code());
                out.add(draft(r, null));
            } else if (r.level() == DivisionLevel.COUNTY) {
                skipped.add(r.code() + " " + r.name());
            }
        }
        return new GeneratedCity(out, List.of(), skipped);
    }

    GeneratedCity generate(List<SourceDivision> rows, Map<String, Geometry> countyShapes) {
        SourceDivision city = rows.stream()
                .filter(r -> r.level() == DivisionLevel.CITY)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no city in the division list"));
        Map<String, List<SourceDivision>> children = new LinkedHashMap<>();
        for (SourceDivision r : rows) {
            if (r.parentCode() != null) {
                children.computeIfAbsent(r.parentCode(), k -> new ArrayList<>()).add(r);
            }
        }
        children.values().forEach(l -> l.sort(Comparator.comparing(SourceDivision::code)));

        List<SourceDivision> counties = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (SourceDivision c : children.getOrDefault(city.code(), List.of())) {
            if (countyShapes.containsKey(c.code())) {
                counties.add(c);
            } else {
                skipped.add(c.code() + " " + c.name());
            }
        }

        List<CountyResult> results = IntStream.range(0, counties.size())
                .parallel()
                .mapToObj(i -> county(
                        counties.get(i), clean(countyShapes.get(counties.get(i).code())), children))
                .toList();

        // Grids per village: half spread evenly, half by area, so both dense urban communities and large rural
        // villages get several.
        double totalArea = 0;
        int villages = 0;
        for (CountyResult r : results) {
            for (Geometry v : r.villageShapes()) {
                totalArea += v.getArea();
                villages++;
            }
        }
        final double area = totalArea;
        final int villageCount = villages;
        List<List<GridDraft>> gridsByCounty = IntStream.range(0, results.size())
                .parallel()
                .mapToObj(i -> grids(results.get(i), area, villageCount))
                .toList();

        List<Geometry> countyGeoms = new ArrayList<>();
        results.forEach(r -> countyGeoms.add(r.countyShape()));
        Geometry cityShape = tiler.polygonal(UnaryUnionOp.union(countyGeoms));

        List<DivisionDraft> divisions = new ArrayList<>();
        divisions.add(
                new DivisionDraft(DivisionCode.of(city.code()), city.name(), DivisionLevel.CITY, null, cityShape));
        results.forEach(r -> divisions.add(r.county()));
        results.forEach(r -> divisions.addAll(r.townships()));
        results.forEach(r -> divisions.addAll(r.villages()));
        List<GridDraft> grids = new ArrayList<>();
        gridsByCounty.forEach(grids::addAll);
        grids.sort(Comparator.comparing(GridDraft::code));
        return new GeneratedCity(divisions, grids, skipped);
    }

    private record CountyResult(
            DivisionDraft county,
            Geometry countyShape,
            List<DivisionDraft> townships,
            List<DivisionDraft> villages,
            List<Geometry> villageShapes) {}

    private CountyResult county(SourceDivision county, Geometry shape, Map<String, List<SourceDivision>> children) {
        SplittableRandom rnd = random(county.code());
        DivisionDraft countyDraft = draft(county, shape);
        List<SourceDivision> towns = children.getOrDefault(county.code(), List.of());
        List<DivisionDraft> townDrafts = new ArrayList<>();
        List<DivisionDraft> villageDrafts = new ArrayList<>();
        List<Geometry> villageShapes = new ArrayList<>();
        if (towns.isEmpty()) {
            return new CountyResult(countyDraft, shape, townDrafts, villageDrafts, villageShapes);
        }
        List<Geometry> townShapes = tiler.tile(shape, towns.size(), rnd);
        for (int t = 0; t < towns.size(); t++) {
            SourceDivision town = towns.get(t);
            Geometry townShape = townShapes.get(t);
            townDrafts.add(draft(town, townShape));
            List<SourceDivision> vills = children.getOrDefault(town.code(), List.of());
            if (vills.isEmpty()) {
                continue;
            }
            List<Geometry> vShapes = tiler.tile(townShape, vills.size(), rnd);
            for (int v = 0; v < vills.size(); v++) {
                villageDrafts.add(draft(vills.get(v), vShapes.get(v)));
                villageShapes.add(vShapes.get(v));
            }
        }
        return new CountyResult(countyDraft, shape, townDrafts, villageDrafts, villageShapes);
    }

    private List<GridDraft> grids(CountyResult county, double totalArea, int villageCount) {
        SplittableRandom rnd = random("grids-" + county.county().code().value());
        List<GridDraft> out = new ArrayList<>();
        for (int i = 0; i < county.villages().size(); i++) {
            DivisionDraft village = county.villages().get(i);
            Geometry shape = county.villageShapes().get(i);
            int n = gridCount(shape.getArea(), totalArea, villageCount);
            List<Geometry> cells = tiler.tile(shape, n, rnd);
            for (int g = 0; g < cells.size(); g++) {
                String code = village.code().value() + String.format("%03d", g + 1);
                out.add(new GridDraft(
                        code, shortName(village.name()) + "第" + (g + 1) + "网格", village.code(), cells.get(g)));
            }
        }
        return out;
    }

    static int gridCount(double villageArea, double totalArea, int villageCount) {
        double share = 0.5 / villageCount + 0.5 * villageArea / totalArea;
        int n = (int) Math.round(GRID_TARGET * share);
        return Math.max(MIN_GRIDS_PER_VILLAGE, Math.min(MAX_GRIDS_PER_VILLAGE, n));
    }

    /** The source boundaries have self-touching rings here and there; JTS repairs them without moving edges. */
    private Geometry clean(Geometry g) {
        return g.isValid() ? g : tiler.polygonal(GeometryFixer.fix(g));
    }

    private static DivisionDraft draft(SourceDivision d, @Nullable Geometry shape) {
        return new DivisionDraft(
                DivisionCode.of(d.code()),
                d.name(),
                d.level(),
                d.parentCode() == null ? null : DivisionCode.of(d.parentCode()),
                shape);
    }

    private SplittableRandom random(String key) {
        long h = seed * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < key.length(); i++) {
            h = (h ^ key.charAt(i)) * 0x100000001B3L;
        }
        return new SplittableRandom(h);
    }

    /** A village's everyday name without the committee suffix: 填海巷社区居委会 → 填海巷社区. */
    static String shortName(String villageName) {
        for (String suffix : new String[] {"居民委员会", "村民委员会", "居民委员", "居委会", "村委会"}) {
            if (villageName.endsWith(suffix) && villageName.length() > suffix.length()) {
                String s = villageName.substring(0, villageName.length() - suffix.length());
                if (s.endsWith("村") || s.endsWith("社区")) {
                    return s;
                }
                return s + (suffix.startsWith("村") ? "村" : "社区");
            }
        }
        return villageName;
    }
}
