package cn.yingji.hazard;

import cn.yingji.geo.Divisions;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Places, photos and enterprises for the hazard tests (demo city: Hefei codes). */
@Component
public class HazardFixtures {

    /** The demo grid worker's grid (in 明光路街道). */
    public static final String GRID = "340102001001001";

    public static final String FOREIGN_DISTRICT = "340103000000";

    /** A real 1×1 PNG. */
    public static final byte[] PNG = Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    /** A Windows executable's first bytes, whatever the file is called. */
    public static final byte[] NOT_AN_IMAGE = "MZ\u0090\u0000this is not an image".getBytes();

    private final JdbcClient jdbc;
    private final Divisions divisions;

    public HazardFixtures(JdbcClient jdbc, Divisions divisions) {
        this.jdbc = jdbc;
        this.divisions = divisions;
    }

    /** A point (lon, lat) inside the demo grid worker's grid. */
    public double[] inGrid() {
        return pointIn("select (@@ outline)[0], (@@ outline)[1] from geo.grids where code = :p", GRID, GRID);
    }

    /** A point (lon, lat) inside 庐阳区. */
    public double[] inForeignDistrict() {
        return pointIn(
                "select (@@ outline)[0], (@@ outline)[1] from geo.grids where path like :p order by code limit 50",
                "/340100000000/" + FOREIGN_DISTRICT + "/%",
                FOREIGN_DISTRICT);
    }

    private double[] pointIn(String sql, String param, String code) {
        List<double[]> candidates = jdbc.sql(sql)
                .param("p", param)
                .query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2)})
                .list();
        for (double[] c : candidates) {
            var loc = divisions.locate(c[0], c[1]);
            if (loc.isPresent() && loc.get().path().contains("/" + code)) {
                return c;
            }
        }
        throw new AssertionError("no point found inside " + code);
    }

    /** The demo enterprise (合肥演示化工有限公司), which the demo account {@code enterprise} works for. */
    public UUID demoEnterprise() {
        return jdbc.sql("select id from directory.organisations where name = '合肥演示化工有限公司'")
                .query(UUID.class)
                .single();
    }

    public long count() {
        return jdbc.sql("select count(*) from hazard.hazards").query(Long.class).single();
    }

    public long steps(UUID hazard) {
        return jdbc.sql("select count(*) from hazard.steps where hazard_id = :h")
                .param("h", hazard)
                .query(Long.class)
                .single();
    }

    public String state(UUID hazard) {
        return jdbc.sql("select state from hazard.hazards where id = :h")
                .param("h", hazard)
                .query(String.class)
                .single();
    }
}
