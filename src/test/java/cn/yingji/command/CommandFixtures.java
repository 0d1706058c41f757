package cn.yingji.command;

import cn.yingji.geo.Divisions;
import cn.yingji.incident.Casualties;
import cn.yingji.incident.Incident;
import cn.yingji.incident.IncidentManagement;
import cn.yingji.incident.NewIncident;
import cn.yingji.incident.ReportChannel;
import cn.yingji.incident.ReportingLevel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Events in the demo city for the command tests, reported as the system. */
@Component
public class CommandFixtures {

    public static final String YAOHAI = "340102000000";
    public static final String LUYANG = "340103000000";

    private final IncidentManagement incidents;
    private final Divisions divisions;
    private final JdbcClient jdbc;

    CommandFixtures(IncidentManagement incidents, Divisions divisions, JdbcClient jdbc) {
        this.incidents = incidents;
        this.divisions = divisions;
        this.jdbc = jdbc;
    }

    public double[] pointIn(String districtCode) {
        List<double[]> candidates = jdbc.sql(
                        "select (@@ outline)[0], (@@ outline)[1] from geo.grids where path like :p order by code limit 50")
                .param("p", "/340100000000/" + districtCode + "/%")
                .query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2)})
                .list();
        for (double[] c : candidates) {
            var loc = divisions.locate(c[0], c[1]);
            if (loc.isPresent() && loc.get().path().startsWith("/340100000000/" + districtCode + "/")) {
                return c;
            }
        }
        throw new AssertionError("no point in " + districtCode);
    }

    /** A hazardous-chemicals accident with {@code deaths} deaths in the district (3 deaths: 较大). */
    public Incident hazchem(String districtCode, String title, int deaths) {
        double[] p = pointIn(districtCode);
        SecurityContextHolder.clearContext();
        return incidents
                .report(
                        new NewIncident(
                                "HAZARDOUS_CHEMICALS",
                                title,
                                Instant.now().minusSeconds(600),
                                null,
                                ReportingLevel.COUNTY,
                                p[0],
                                p[1],
                                "测试路 1 号",
                                "张三",
                                null,
                                ReportChannel.PHONE,
                                null,
                                null,
                                new Casualties(deaths, 0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO),
                                "指挥测试",
                                false),
                        null)
                .incident();
    }
}
