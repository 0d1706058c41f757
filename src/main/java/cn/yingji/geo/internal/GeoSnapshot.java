package cn.yingji.geo.internal;

import cn.yingji.geo.Division;
import cn.yingji.geo.DivisionLevel;
import cn.yingji.geo.Grid;
import cn.yingji.geo.Location;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.AbstractNode;
import org.locationtech.jts.index.strtree.Boundable;
import org.locationtech.jts.index.strtree.ItemBoundable;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * An immutable picture of the division tree and grids at one database version: lookup maps plus one STRtree of
 * prepared polygons per division level and one for grids. Built off to the side and swapped in whole, so readers
 * never see a half-built index.
 */
final class GeoSnapshot {

    /** One division or grid as loaded from the database. */
    record Shape(String code, @Nullable Geometry geometry) {}

    private record Entry(String code, PreparedGeometry geometry) {}

    static final GeoSnapshot EMPTY = new GeoSnapshot(-1, List.of(), List.of(), Map.of());

    private static final DivisionLevel[] DEEPEST_FIRST = {
        DivisionLevel.VILLAGE, DivisionLevel.TOWNSHIP, DivisionLevel.COUNTY, DivisionLevel.CITY
    };

    private final long version;
    private final Map<String, Division> divisions;
    private final Map<String, List<Division>> children;
    private final Map<String, Division> byPath;
    private final Map<String, Grid> grids;
    private final List<Division> cities;
    private final Map<String, Integer> gridCounts;
    private final EnumMap<DivisionLevel, AbstractNode> divisionTrees = new EnumMap<>(DivisionLevel.class);
    private final @Nullable AbstractNode gridTree;

    /**
     * Builds a snapshot.
     *
     * @param version database version it reflects
     * @param divisionRows every division
     * @param gridRows every grid
     * @param shapes geometry by division or grid code (absent or null: no geometry)
     */
    GeoSnapshot(
            long version,
            Collection<Division> divisionRows,
            Collection<Grid> gridRows,
            Map<String, @Nullable Geometry> shapes) {
        this.version = version;
        Map<String, Division> d = new HashMap<>(divisionRows.size() * 2);
        Map<String, List<Division>> ch = new HashMap<>();
        Map<String, Division> bp = new HashMap<>(divisionRows.size() * 2);
        List<Division> roots = new ArrayList<>();
        EnumMap<DivisionLevel, STRtree> trees = new EnumMap<>(DivisionLevel.class);
        for (Division div : divisionRows) {
            d.put(div.code().value(), div);
            bp.put(div.path(), div);
            if (div.parent() == null) {
                roots.add(div);
            } else {
                ch.computeIfAbsent(div.parent().value(), k -> new ArrayList<>()).add(div);
            }
            Geometry g = shapes.get(div.code().value());
            if (g != null) {
                trees.computeIfAbsent(div.level(), l -> new STRtree()).insert(g.getEnvelopeInternal(), entry(div, g));
            }
        }
        Comparator<Division> byCode = Comparator.comparing(x -> x.code().value());
        ch.replaceAll((k, v) -> {
            v.sort(byCode);
            return List.copyOf(v);
        });
        roots.sort(byCode);
        Map<String, Grid> gr = new HashMap<>(gridRows.size() * 2);
        Map<String, Integer> counts = new HashMap<>();
        STRtree gt = new STRtree();
        int gridShapes = 0;
        for (Grid grid : gridRows) {
            gr.put(grid.code(), grid);
            counts.merge(grid.village().value(), 1, Integer::sum);
            Geometry g = shapes.get(grid.code());
            if (g != null) {
                gt.insert(g.getEnvelopeInternal(), new Entry(grid.code(), PreparedGeometryFactory.prepare(g)));
                gridShapes++;
            }
        }
        this.divisions = Map.copyOf(d);
        this.children = Map.copyOf(ch);
        this.byPath = Map.copyOf(bp);
        this.grids = Map.copyOf(gr);
        this.cities = List.copyOf(roots);
        this.gridCounts = Map.copyOf(counts);
        trees.forEach((level, tree) -> {
            tree.build();
            divisionTrees.put(level, tree.getRoot());
        });
        if (gridShapes > 0) {
            gt.build();
            this.gridTree = gt.getRoot();
        } else {
            this.gridTree = null;
        }
    }

    private static Entry entry(Division div, Geometry g) {
        return new Entry(div.code().value(), PreparedGeometryFactory.prepare(g));
    }

    long version() {
        return version;
    }

    Optional<Division> find(String code) {
        return Optional.ofNullable(divisions.get(code));
    }

    Optional<Grid> findGrid(String code) {
        return Optional.ofNullable(grids.get(code));
    }

    List<Grid> gridsUnder(String pathPrefix) {
        return grids.values().stream()
                .filter(g -> g.path().startsWith(pathPrefix))
                .sorted(java.util.Comparator.comparing(Grid::code))
                .toList();
    }

    List<Division> children(String code) {
        return children.getOrDefault(code, List.of());
    }

    Optional<Division> byPath(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    List<Division> cities() {
        return cities;
    }

    int gridCount(String villageCode) {
        return gridCounts.getOrDefault(villageCode, 0);
    }

    int divisionCount() {
        return divisions.size();
    }

    int gridCount() {
        return grids.size();
    }

    /**
     * The divisions from the city down to {@code division}, using parent links (so the chain is consistent even
     * where upper levels carry no geometry).
     */
    List<Division> chain(Division division) {
        List<Division> out = new ArrayList<>(4);
        Division d = division;
        while (d != null) {
            out.add(d);
            d = d.parent() == null ? null : divisions.get(d.parent().value());
        }
        Collections.reverse(out);
        return out;
    }

    /**
     * Where the point lies: the grid covering it (and its village's chain), else the deepest division covering it.
     * A point on an edge shared by two polygons is given to the one with the smaller code, so answers are stable.
     */
    Optional<Location> locate(double lon, double lat) {
        Point p = GeoJson.FACTORY.createPoint(new Coordinate(lon, lat));
        if (gridTree != null) {
            String code = best(gridTree, p, lon, lat);
            if (code != null) {
                Grid grid = grids.get(code);
                return Optional.of(
                        new Location(chain(divisions.get(grid.village().value())), grid));
            }
        }
        for (DivisionLevel level : DEEPEST_FIRST) {
            AbstractNode tree = divisionTrees.get(level);
            if (tree == null) {
                continue;
            }
            String code = best(tree, p, lon, lat);
            if (code != null) {
                return Optional.of(new Location(chain(divisions.get(code)), null));
            }
        }
        return Optional.empty();
    }

    /**
     * Walks the packed tree directly: {@code STRtree.query} enters a synchronized {@code build()} on every call,
     * which would serialise concurrent lookups on a built, immutable tree.
     */
    private static @Nullable String best(AbstractNode node, Point p, double x, double y) {
        String found = null;
        if (!contains((Envelope) node.getBounds(), x, y)) {
            return null;
        }
        List<?> kids = node.getChildBoundables();
        for (int i = 0, n = kids.size(); i < n; i++) {
            Boundable b = (Boundable) kids.get(i);
            String candidate;
            if (b instanceof AbstractNode child) {
                candidate = best(child, p, x, y);
            } else {
                ItemBoundable ib = (ItemBoundable) b;
                if (!contains((Envelope) ib.getBounds(), x, y)) {
                    continue;
                }
                Entry e = (Entry) ib.getItem();
                candidate = e.geometry().covers(p) ? e.code() : null;
            }
            if (candidate != null && (found == null || candidate.compareTo(found) < 0)) {
                found = candidate;
            }
        }
        return found;
    }

    private static boolean contains(Envelope e, double x, double y) {
        return x >= e.getMinX() && x <= e.getMaxX() && y >= e.getMinY() && y <= e.getMaxY();
    }
}
