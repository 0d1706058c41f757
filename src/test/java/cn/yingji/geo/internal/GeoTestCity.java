package cn.yingji.geo.internal;

import cn.yingji.geo.DivisionCode;
import cn.yingji.geo.DivisionDraft;
import cn.yingji.geo.DivisionLevel;
import cn.yingji.geo.GeoAdministration;
import cn.yingji.geo.GridDraft;
import cn.yingji.identity.Jurisdiction;
import cn.yingji.identity.NewUser;
import cn.yingji.identity.Role;
import cn.yingji.identity.UserManagement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

/**
 * A small fictitious city (prefix 99, far from Hefei) for geo tests: city 990100000000 covering lon 100..101,
 * lat 20..21; two counties (west/east halves), two townships each (south/north), two villages each (west/east),
 * and four grids (2×2) per village. All boundaries are axis-aligned boxes sharing exact edges.
 */
final class GeoTestCity {

    static final String CITY = "990100000000";
    static final String WEST = "990101000000";
    static final String EAST = "990102000000";
    static final String ADMIN = "geo-test-admin";
    static final String WEST_OFFICER = "geo-test-west";
    static final String PASSWORD = "geo-test-password-1";

    private GeoTestCity() {}

    static Polygon box(double minLon, double minLat, double maxLon, double maxLat) {
        return GeoJson.FACTORY.createPolygon(new Coordinate[] {
            new Coordinate(minLon, minLat),
            new Coordinate(maxLon, minLat),
            new Coordinate(maxLon, maxLat),
            new Coordinate(minLon, maxLat),
            new Coordinate(minLon, minLat)
        });
    }

    static List<DivisionDraft> divisions() {
        List<DivisionDraft> out = new ArrayList<>();
        out.add(new DivisionDraft(DivisionCode.of(CITY), "测试市", DivisionLevel.CITY, null, box(100, 20, 101, 21)));
        for (int c = 0; c < 2; c++) {
            String county = "9901" + String.format("%02d", c + 1) + "000000";
            double lon0 = 100 + c * 0.5;
            out.add(new DivisionDraft(
                    DivisionCode.of(county),
                    "测试区" + (c + 1),
                    DivisionLevel.COUNTY,
                    DivisionCode.of(CITY),
                    box(lon0, 20, lon0 + 0.5, 21)));
            for (int t = 0; t < 2; t++) {
                String township = county.substring(0, 6) + String.format("%03d", t + 1) + "000";
                double lat0 = 20 + t * 0.5;
                out.add(new DivisionDraft(
                        DivisionCode.of(township),
                        "测试街道" + (c + 1) + (t + 1),
                        DivisionLevel.TOWNSHIP,
                        DivisionCode.of(county),
                        box(lon0, lat0, lon0 + 0.5, lat0 + 0.5)));
                for (int v = 0; v < 2; v++) {
                    String village = township.substring(0, 9) + String.format("%03d", v + 1);
                    double vlon = lon0 + v * 0.25;
                    out.add(new DivisionDraft(
                            DivisionCode.of(village),
                            "测试社区" + (c + 1) + (t + 1) + (v + 1),
                            DivisionLevel.VILLAGE,
                            DivisionCode.of(township),
                            box(vlon, lat0, vlon + 0.25, lat0 + 0.5)));
                }
            }
        }
        return out;
    }

    static List<GridDraft> grids() {
        List<GridDraft> out = new ArrayList<>();
        for (DivisionDraft d : divisions()) {
            if (d.level() != DivisionLevel.VILLAGE) {
                continue;
            }
            var env = d.geometry().getEnvelopeInternal();
            double w = env.getWidth() / 2;
            double h = env.getHeight() / 2;
            int n = 1;
            for (int y = 0; y < 2; y++) {
                for (int x = 0; x < 2; x++) {
                    double lon = env.getMinX() + x * w;
                    double lat = env.getMinY() + y * h;
                    out.add(new GridDraft(
                            d.code().value() + String.format("%03d", n),
                            d.name() + "第" + n + "网格",
                            d.code(),
                            box(lon, lat, lon + w, lat + h)));
                    n++;
                }
            }
        }
        return out;
    }

    /** Loads the city (idempotent) and creates the test accounts once. Runs as the system. */
    static void ensure(GeoAdministration admin, UserManagement users) {
        admin.upsertDivisions(divisions());
        admin.upsertGrids(grids());
        if (users.findByUsername(ADMIN).isEmpty()) {
            users.create(new NewUser(
                    ADMIN,
                    "Geo Admin",
                    PASSWORD,
                    Set.of(Role.ADMIN),
                    "/" + CITY + "/",
                    new Jurisdiction(List.of("/" + CITY + "/"), List.of()),
                    null,
                    false));
        }
        if (users.findByUsername(WEST_OFFICER).isEmpty()) {
            users.create(new NewUser(
                    WEST_OFFICER,
                    "West Officer",
                    PASSWORD,
                    Set.of(Role.DISTRICT_OFFICER),
                    "/" + CITY + "/" + WEST + "/",
                    new Jurisdiction(List.of(), List.of("/" + CITY + "/" + WEST + "/")),
                    null,
                    false));
        }
    }
}
