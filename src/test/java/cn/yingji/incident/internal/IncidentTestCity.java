package cn.yingji.incident.internal;

import cn.yingji.geo.DivisionCode;
import cn.yingji.geo.DivisionDraft;
import cn.yingji.geo.DivisionLevel;
import cn.yingji.geo.GeoAdministration;
import cn.yingji.identity.Jurisdiction;
import cn.yingji.identity.NewUser;
import cn.yingji.identity.Role;
import cn.yingji.identity.UserManagement;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * A fictitious city (codes 98…, lon 110..111, lat 30..31, far from Hefei) with a west and an east county, and the
 * accounts the incident tests sign in as.
 */
final class IncidentTestCity {

    static final String CITY = "980100000000";
    static final String WEST = "980101000000";
    static final String EAST = "980102000000";
    static final String CITY_PATH = "/" + CITY + "/";
    static final String WEST_PATH = CITY_PATH + WEST + "/";
    static final String EAST_PATH = CITY_PATH + EAST + "/";
    /** A point in the west county. */
    static final double[] WEST_POINT = {110.25, 30.5};
    /** A point in the east county. */
    static final double[] EAST_POINT = {110.75, 30.5};

    static final String DUTY = "inc-city-duty";
    static final String WEST_OFFICER = "inc-west-officer";
    static final String EAST_OFFICER = "inc-east-officer";
    static final String VIEWER = "inc-viewer";
    static final String COMMANDER = "inc-commander";
    static final String ADMIN = "inc-admin";
    static final String PASSWORD = "incident-test-password-1";

    private static final GeometryFactory GF = new GeometryFactory();

    private IncidentTestCity() {}

    static Polygon box(double minLon, double minLat, double maxLon, double maxLat) {
        return GF.createPolygon(new Coordinate[] {
            new Coordinate(minLon, minLat),
            new Coordinate(maxLon, minLat),
            new Coordinate(maxLon, maxLat),
            new Coordinate(minLon, maxLat),
            new Coordinate(minLon, minLat)
        });
    }

    static synchronized void ensure(GeoAdministration geo, UserManagement users) {
        geo.upsertDivisions(List.of(
                new DivisionDraft(DivisionCode.of(CITY), "事件测试市", DivisionLevel.CITY, null, box(110, 30, 111, 31)),
                new DivisionDraft(
                        DivisionCode.of(WEST),
                        "西区",
                        DivisionLevel.COUNTY,
                        DivisionCode.of(CITY),
                        box(110, 30, 110.5, 31)),
                new DivisionDraft(
                        DivisionCode.of(EAST),
                        "东区",
                        DivisionLevel.COUNTY,
                        DivisionCode.of(CITY),
                        box(110.5, 30, 111, 31))));
        user(users, DUTY, Set.of(Role.DUTY_OFFICER), CITY_PATH, List.of(CITY_PATH), List.of());
        user(users, COMMANDER, Set.of(Role.COMMANDER), CITY_PATH, List.of(CITY_PATH), List.of());
        user(users, WEST_OFFICER, Set.of(Role.DISTRICT_OFFICER), WEST_PATH, List.of(WEST_PATH), List.of());
        user(users, EAST_OFFICER, Set.of(Role.DISTRICT_OFFICER), EAST_PATH, List.of(EAST_PATH), List.of());
        user(users, VIEWER, Set.of(Role.DEPARTMENT_OFFICER), CITY_PATH, List.of(), List.of(CITY_PATH));
        user(users, ADMIN, Set.of(Role.ADMIN), CITY_PATH, List.of(CITY_PATH), List.of());
    }

    private static void user(
            UserManagement users, String name, Set<Role> roles, String home, List<String> capture, List<String> view) {
        if (users.findByUsername(name).isEmpty()) {
            users.create(new NewUser(name, name, PASSWORD, roles, home, new Jurisdiction(capture, view), null, false));
        }
    }
}
