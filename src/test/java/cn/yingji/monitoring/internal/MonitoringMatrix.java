package cn.yingji.monitoring.internal;

import cn.yingji.geo.Divisions;
import cn.yingji.monitoring.MonitoringAdministration;
import cn.yingji.monitoring.MonitoringPoint;
import cn.yingji.monitoring.Sensor;
import cn.yingji.monitoring.WarningLevel;
import cn.yingji.support.MatrixContribution;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** A point, sensor, alarm and warning in 庐阳区 for the jurisdiction matrix. */
@Component
class MonitoringMatrix implements MatrixContribution {

    private final MonitoringAdministration admin;
    private final Divisions divisions;
    private final IngestService ingest;
    private final WarningService warnings;
    private final JdbcClient jdbc;
    private MonitoringPoint point;
    private Sensor sensor;
    private String alarm;
    private String warning;

    MonitoringMatrix(
            MonitoringAdministration admin,
            Divisions divisions,
            IngestService ingest,
            WarningService warnings,
            JdbcClient jdbc) {
        this.admin = admin;
        this.divisions = divisions;
        this.ingest = ingest;
        this.warnings = warnings;
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Supplier<String>> foreignIdentifiers() {
        return Map.of(
                "{id}@points",
                () -> point().id().toString(),
                "{id}@sensors",
                () -> sensor().id().toString(),
                "{id}@alarms",
                this::alarm,
                "{id}@warnings",
                this::warning);
    }

    private synchronized MonitoringPoint point() {
        if (point == null) {
            MonitoringFixture.JDBC = jdbc;
            point = MonitoringFixture.point(admin, divisions, MonitoringFixture.LUYANG, "MATRIX");
        }
        return point;
    }

    private synchronized Sensor sensor() {
        if (sensor == null) {
            sensor = MonitoringFixture.gasSensor(admin, point().id(), "MATRIX");
        }
        return sensor;
    }

    private synchronized String alarm() {
        if (alarm == null) {
            SecurityContextHolder.clearContext();
            String body = "[{\"sensor\":\"" + sensor().code() + "\",\"at\":\""
                    + Instant.now().minusSeconds(1) + "\",\"value\":45}]";
            ingest.ingest(ingest.parseJson(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))), "test");
            alarm = jdbc.sql("select id::text from monitoring.alarm where sensor_id = :s limit 1")
                    .param("s", sensor().id())
                    .query(String.class)
                    .single();
        }
        return alarm;
    }

    private synchronized String warning() {
        if (warning == null) {
            SecurityContextHolder.clearContext();
            warning = warnings.issue(
                            new NewWarning(
                                    WarningLevel.YELLOW,
                                    "RAINSTORM",
                                    "庐阳矩阵预警",
                                    "矩阵",
                                    "",
                                    null,
                                    List.of("340103000000"),
                                    null,
                                    null,
                                    null,
                                    false,
                                    null),
                            null)
                    .id()
                    .toString();
        }
        return warning;
    }
}
