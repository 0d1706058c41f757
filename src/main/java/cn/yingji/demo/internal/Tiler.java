package cn.yingji.demo.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateXY;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * Splits a polygon into {@code n} pieces that tile it: a Voronoi diagram of seeded, evenly spread random sites
 * inside the parent (best-candidate sampling, so pieces have similar areas), each cell clipped to the parent. The pieces
 * share their Voronoi edges exactly and their union is the parent up to floating error. Pure and deterministic: the
 * same parent, count and random stream give the same pieces in the same order (north to south, serpentine).
 */
final class Tiler {

    /** Candidates drawn per site; more gives more even cells. */
    static final int CANDIDATES = 8;

    private static final int MAX_SAMPLE_TRIES = 200_000;

    private final GeometryFactory factory;

    Tiler(GeometryFactory factory) {
        this.factory = factory;
    }

    /** {@code n} valid (Multi)Polygons tiling {@code parent}, in a spatially coherent order. */
    List<Geometry> tile(Geometry parent, int n, SplittableRandom rnd) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be positive: " + n);
        }
        if (n == 1) {
            return List.of(parent.copy());
        }
        IndexedPointInAreaLocator inside = new IndexedPointInAreaLocator(parent);
        Envelope env = parent.getEnvelopeInternal();
        List<Coordinate> sites = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            sites.add(bestCandidate(sites, env, inside, rnd));
        }
        List<Geometry> cells = clippedCells(parent, env, sites);
        return spatialOrder(sites, cells, env);
    }

    private List<Geometry> clippedCells(Geometry parent, Envelope env, List<Coordinate> sites) {
        VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
        builder.setSites(sites);
        Envelope clip = new Envelope(env);
        clip.expandBy(Math.max(env.getWidth(), env.getHeight()));
        builder.setClipEnvelope(clip);
        Geometry diagram = builder.getDiagram(factory);
        Map<Coordinate, Geometry> bySite = new HashMap<>(sites.size() * 2);
        for (int i = 0; i < diagram.getNumGeometries(); i++) {
            Geometry cell = diagram.getGeometryN(i);
            bySite.put((Coordinate) cell.getUserData(), cell);
        }
        List<Geometry> out = new ArrayList<>(sites.size());
        for (Coordinate site : sites) {
            Geometry cell = bySite.get(site);
            if (cell == null) {
                throw new IllegalStateException("no Voronoi cell for site " + site);
            }
            out.add(polygonal(OverlayNGRobust.overlay(cell, parent, OverlayNG.INTERSECTION)));
        }
        return out;
    }

    /** Only the areal parts of an overlay result, as a Polygon or MultiPolygon. */
    Geometry polygonal(Geometry g) {
        List<Polygon> polys = new ArrayList<>();
        PolygonExtracter.getPolygons(g, polys);
        polys.removeIf(p -> p.isEmpty() || p.getArea() == 0);
        if (polys.isEmpty()) {
            throw new IllegalStateException("empty tile");
        }
        if (polys.size() == 1) {
            return polys.get(0);
        }
        return factory.createMultiPolygon(polys.toArray(Polygon[]::new));
    }

    private static Coordinate sample(Envelope env, IndexedPointInAreaLocator inside, SplittableRandom rnd) {
        for (int t = 0; t < MAX_SAMPLE_TRIES; t++) {
            Coordinate c = new CoordinateXY(
                    env.getMinX() + rnd.nextDouble() * env.getWidth(),
                    env.getMinY() + rnd.nextDouble() * env.getHeight());
            if (inside.locate(c) == Location.INTERIOR) {
                return c;
            }
        }
        throw new IllegalStateException("could not place a site inside " + env);
    }

    /**
     * Mitchell's best-candidate sampling: of a few random points inside the parent, the one farthest from the sites
     * placed so far. Gives evenly spread sites (cells of similar size) without the cost of Lloyd relaxation.
     */
    private static Coordinate bestCandidate(
            List<Coordinate> sites, Envelope env, IndexedPointInAreaLocator inside, SplittableRandom rnd) {
        Coordinate best = null;
        double bestDistance = -1;
        for (int k = 0; k < CANDIDATES; k++) {
            Coordinate c = sample(env, inside, rnd);
            double nearest = Double.MAX_VALUE;
            for (Coordinate s : sites) {
                double dx = c.x - s.x;
                double dy = c.y - s.y;
                nearest = Math.min(nearest, dx * dx + dy * dy);
            }
            if (nearest > bestDistance) {
                best = c;
                bestDistance = nearest;
            }
        }
        return best;
    }

    /** Orders cells in horizontal bands from north to south, alternately west→east and east→west. */
    private static List<Geometry> spatialOrder(List<Coordinate> sites, List<Geometry> cells, Envelope env) {
        int n = sites.size();
        int bands = Math.max(1, (int) Math.round(Math.sqrt(n)));
        double h = env.getHeight() / bands;
        List<Integer> idx = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            idx.add(i);
        }
        Comparator<Integer> byBand = Comparator.comparingInt(i -> band(sites.get(i), env, h, bands));
        idx.sort(byBand.thenComparingDouble(i -> {
            int b = band(sites.get(i), env, h, bands);
            double x = sites.get(i).x;
            return b % 2 == 0 ? x : -x;
        }));
        List<Geometry> out = new ArrayList<>(n);
        for (int i : idx) {
            out.add(cells.get(i));
        }
        return out;
    }

    private static int band(Coordinate c, Envelope env, double h, int bands) {
        if (h <= 0) {
            return 0;
        }
        return Math.min(bands - 1, (int) ((env.getMaxY() - c.y) / h));
    }
}
