package cn.yingji.monitoring.internal;

import cn.yingji.geo.Divisions;
import cn.yingji.geo.Location;
import cn.yingji.monitoring.Direction;
import cn.yingji.monitoring.LinkKind;
import cn.yingji.monitoring.MonitoringAdministration;
import cn.yingji.monitoring.MonitoringPoint;
import cn.yingji.monitoring.NewPoint;
import cn.yingji.monitoring.NewSensor;
import cn.yingji.monitoring.Sensor;
import cn.yingji.monitoring.SensorKind;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/** Creates points and sensors in a given division for tests (as the system). */
final class MonitoringFixture {

    static final String MINGGUANG = "/340100000000/340102000000/340102001000/";
    static final String LUYANG = "/340100000000/340103000000/";

    private MonitoringFixture() {}

    /** A position whose division path starts with {@code path}, found by scanning the city. */
    static double[] positionIn(Divisions divisions, String path) {
        JdbcClient jdbc = JDBC;
        for (double[] c : jdbc.sql(
                        "select (@@ outline)[0], (@@ outline)[1] from geo.grids where path like :p order by code limit 50")
                .param("p", path + "%")
                .query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2)})
                .list()) {
            Location loc = divisions.locate(c[0], c[1]).orElse(null);
            if (loc != null && loc.path().startsWith(path)) {
                return c;
            }
        }
        throw new IllegalStateException("no position found in " + path);
    }

    static JdbcClient JDBC;

    static MonitoringPoint point(MonitoringAdministration admin, Divisions divisions, String path, String tag) {
        SecurityContextHolder.clearContext();
        double[] p = positionIn(divisions, path);
        return admin.createPoint(new NewPoint(
                "MP-" + tag + "-" + UUID.randomUUID().toString().substring(0, 8),
                "测试监测点" + tag,
                LinkKind.ENTERPRISE,
                null,
                "测试化工有限公司",
                p[0],
                p[1]));
    }

    /** A rising gas sensor: blue 10, yellow 20, orange 30, red 40 %LEL, hysteresis 1. */
    static Sensor gasSensor(MonitoringAdministration admin, UUID point, String tag) {
        SecurityContextHolder.clearContext();
        return admin.addSensor(
                point,
                new NewSensor(
                        "GAS-" + tag + "-" + UUID.randomUUID().toString().substring(0, 8),
                        "可燃气体探测器",
                        SensorKind.FLAMMABLE_GAS,
                        "%LEL",
                        60,
                        Direction.ABOVE,
                        10.0,
                        20.0,
                        30.0,
                        40.0,
                        1.0,
                        null,
                        0));
    }
}
