package cn.yingji.geo.internal;

import cn.yingji.geo.Division;
import cn.yingji.geo.DivisionCode;
import cn.yingji.geo.DivisionLevel;
import cn.yingji.geo.Grid;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * A deterministic city of the size the platform is built for: 10 counties, 100 townships, 2,000 villages and
 * 10,000 grids (2,111 divisions) on a 100 × 100 cell lattice at lon 117.0–117.6, lat 31.5–32.1. Every boundary is
 * traced on one jittered fine lattice (4 points per cell edge), so neighbours share their edges exactly and a grid
 * has 16 vertices, a village 48, a township 160, a county 560.
 */
final class SyntheticCity {

    static final double LON0 = 117.0;
    static final double LAT0 = 31.5;
    static final int CELLS = 100;
    static final double CELL = 0.006;
    private static final int K = 4;

    final List<Division> divisions = new ArrayList<>();
    final List<Grid> grids = new ArrayList<>();
    final Map<String, Geometry> shapes = new HashMap<>();
    private final double[][] lon;
    private final double[][] lat;

    SyntheticCity(long seed) {
        int n = CELLS * K + 1;
        double fine = CELL / K;
        lon = new double[n][n];
        lat = new double[n][n];
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                boolean border = i == 0 || j == 0 || i == n - 1 || j == n - 1;
                double jx = border ? 0 : (rnd.nextDouble() - 0.5) * 0.6 * fine;
                double jy = border ? 0 : (rnd.nextDouble() - 0.5) * 0.6 * fine;
                lon[i][j] = LON0 + i * fine + jx;
                lat[i][j] = LAT0 + j * fine + jy;
            }
        }
        String city = "990100000000";
        add(city, "合成市", DivisionLevel.CITY, null, "/" + city + "/", 0, 0, CELLS, CELLS);
        int county = 0;
        for (int cy = 0; cy < 2; cy++) {
            for (int cx = 0; cx < 5; cx++) {
                county++;
                String cc = "9901" + pad(county, 2) + "000000";
                String cpath = "/" + city + "/" + cc + "/";
                int x0 = cx * 20;
                int y0 = cy * 50;
                add(cc, "合成区" + county, DivisionLevel.COUNTY, city, cpath, x0, y0, x0 + 20, y0 + 50);
                int township = 0;
                for (int ty = 0; ty < 5; ty++) {
                    for (int tx = 0; tx < 2; tx++) {
                        township++;
                        String tc = cc.substring(0, 6) + pad(township, 3) + "000";
                        String tpath = cpath + tc + "/";
                        int tx0 = x0 + tx * 10;
                        int ty0 = y0 + ty * 10;
                        add(
                                tc,
                                "合成街道" + county + "-" + township,
                                DivisionLevel.TOWNSHIP,
                                cc,
                                tpath,
                                tx0,
                                ty0,
                                tx0 + 10,
                                ty0 + 10);
                        int village = 0;
                        for (int vy = 0; vy < 10; vy++) {
                            for (int vx = 0; vx < 2; vx++) {
                                village++;
                                String vc = tc.substring(0, 9) + pad(village, 3);
                                String vpath = tpath + vc + "/";
                                int vx0 = tx0 + vx * 5;
                                int vy0 = ty0 + vy;
                                add(
                                        vc,
                                        "合成社区" + vc.substring(6),
                                        DivisionLevel.VILLAGE,
                                        tc,
                                        vpath,
                                        vx0,
                                        vy0,
                                        vx0 + 5,
                                        vy0 + 1);
                                for (int g = 0; g < 5; g++) {
                                    String gc = vc + pad(g + 1, 3);
                                    grids.add(new Grid(
                                            gc, "网格" + gc.substring(9), new DivisionCode(vc), vpath + gc + "/"));
                                    shapes.put(gc, block(vx0 + g, vy0, vx0 + g + 1, vy0 + 1));
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private void add(
            String code, String name, DivisionLevel level, String parent, String path, int x0, int y0, int x1, int y1) {
        divisions.add(new Division(
                new DivisionCode(code), name, level, parent == null ? null : new DivisionCode(parent), path));
        shapes.put(code, block(x0, y0, x1, y1));
    }

    /** The counterclockwise boundary of the cell block [x0, x1) × [y0, y1) traced on the fine lattice. */
    Polygon block(int x0, int y0, int x1, int y1) {
        List<Coordinate> ring = new ArrayList<>();
        int a = x0 * K;
        int b = y0 * K;
        int c = x1 * K;
        int d = y1 * K;
        for (int i = a; i < c; i++) {
            ring.add(at(i, b));
        }
        for (int j = b; j < d; j++) {
            ring.add(at(c, j));
        }
        for (int i = c; i > a; i--) {
            ring.add(at(i, d));
        }
        for (int j = d; j > b; j--) {
            ring.add(at(a, j));
        }
        ring.add(at(a, b));
        return GeoJson.FACTORY.createPolygon(ring.toArray(new Coordinate[0]));
    }

    private Coordinate at(int i, int j) {
        return new Coordinate(lon[i][j], lat[i][j]);
    }

    GeoSnapshot snapshot() {
        return new GeoSnapshot(1, divisions, grids, new HashMap<>(shapes));
    }

    private static String pad(int v, int width) {
        return String.format("%0" + width + "d", v);
    }
}
