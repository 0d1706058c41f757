package cn.yingji.resource.internal;

import cn.yingji.incident.Casualties;
import cn.yingji.incident.IncidentId;
import cn.yingji.incident.IncidentManagement;
import cn.yingji.incident.NewIncident;
import cn.yingji.incident.ReportChannel;
import cn.yingji.incident.ReportingLevel;
import cn.yingji.resource.NewTeam;
import cn.yingji.resource.TeamId;
import cn.yingji.resource.TeamKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.context.SecurityContextHolder;

/** Teams and events of the resource tests, created as the system in the demo city (瑶海区 and 庐阳区). */
final class ResourceFixtures {

    /** A point in 瑶海区 (the demo hazardous-chemicals event lies here). */
    static final double[] YAOHAI = {117.32, 31.87};

    /** 庐阳区, a district foreign to the 瑶海区 and 明光路街道 accounts. */
    static final String LUYANG_TOWNSHIP = "340103001000";

    private ResourceFixtures() {}

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static NewTeam team(String name, String primary, List<String> further, double lon, double lat) {
        return new NewTeam(
                name, TeamKind.PRO_HAZCHEM, "测试单位", "测试基地", 20, primary, further, 1, lon, lat, null, null, null);
    }

    static TeamId createTeam(TeamService teams, String name, String primary, List<String> further) {
        SecurityContextHolder.clearContext();
        return teams.create(team(name, primary, further, YAOHAI[0] + 0.002, YAOHAI[1] + 0.001));
    }

    static IncidentId hazchemIncident(IncidentManagement incidents, String title) {
        return hazchemIncident(incidents, title, YAOHAI[0], YAOHAI[1]);
    }

    /** A point inside 庐阳区, found from its grids and confirmed by the spatial index. */
    static double[] luyangPoint(
            org.springframework.jdbc.core.simple.JdbcClient jdbc, cn.yingji.geo.Divisions divisions) {
        List<double[]> candidates = jdbc.sql(
                        "select (@@ outline)[0], (@@ outline)[1] from geo.grids where path like :p order by code limit 50")
                .param("p", "/340100000000/340103000000/%")
                .query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2)})
                .list();
        for (double[] c : candidates) {
            var loc = divisions.locate(c[0], c[1]);
            if (loc.isPresent() && loc.get().path().startsWith("/340100000000/340103000000/")) {
                return c;
            }
        }
        throw new AssertionError("no point found inside 庐阳区");
    }

    static IncidentId hazchemIncident(IncidentManagement incidents, String title, double lon, double lat) {
        SecurityContextHolder.clearContext();
        return incidents
                .report(
                        new NewIncident(
                                "HAZARDOUS_CHEMICALS",
                                title,
                                Instant.now().minusSeconds(300),
                                null,
                                ReportingLevel.COUNTY,
                                lon,
                                lat,
                                "测试路",
                                "测试",
                                null,
                                ReportChannel.PHONE,
                                null,
                                null,
                                new Casualties(0, 0, 1, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO),
                                "危化品泄漏测试",
                                false),
                        null)
                .incident()
                .id();
    }
}
