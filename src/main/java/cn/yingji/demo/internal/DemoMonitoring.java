package cn.yingji.demo.internal;

import cn.yingji.geo.Divisions;
import cn.yingji.monitoring.Direction;
import cn.yingji.monitoring.LinkKind;
import cn.yingji.monitoring.MonitoringAdministration;
import cn.yingji.monitoring.MonitoringPoint;
import cn.yingji.monitoring.NewPoint;
import cn.yingji.monitoring.NewSensor;
import cn.yingji.monitoring.SensorKind;
import cn.yingji.shared.DomainException;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Monitoring points with sensors and four-level thresholds in the demo city: tank farms and gas detectors of
 * chemical enterprises, river and reservoir water levels, rain gauges and a slope displacement meter. Fixed codes,
 * so a restart creates nothing. Sensors report hourly in the demo, so they show as offline only after two hours of
 * silence.
 */
@Component
class DemoMonitoring {

    private static final Logger LOG = LoggerFactory.getLogger(DemoMonitoring.class);

    private record Spec(
            String code,
            String name,
            LinkKind link,
            String linkName,
            SensorKind kind,
            String sensorName,
            String unit,
            Direction direction,
            double blue,
            double yellow,
            double orange,
            double red,
            double hysteresis,
            int durationMinutes) {}

    private static final List<Spec> SPECS = List.of(
            new Spec(
                    "DEMO-MP-01",
                    "演示化工一号罐区",
                    LinkKind.HAZARD_SOURCE,
                    "合肥演示化工有限公司甲醇储罐区",
                    SensorKind.FLAMMABLE_GAS,
                    "可燃气体探测器",
                    "%LEL",
                    Direction.ABOVE,
                    10,
                    20,
                    25,
                    50,
                    2,
                    0),
            new Spec(
                    "DEMO-MP-02",
                    "演示化工液氨站",
                    LinkKind.HAZARD_SOURCE,
                    "合肥演示化工有限公司液氨站",
                    SensorKind.TOXIC_GAS,
                    "氨气探测器",
                    "ppm",
                    Direction.ABOVE,
                    20,
                    30,
                    50,
                    100,
                    3,
                    0),
            new Spec(
                    "DEMO-MP-03",
                    "演示化工储罐液位",
                    LinkKind.ENTERPRISE,
                    "合肥演示化工有限公司",
                    SensorKind.TANK_LEVEL,
                    "储罐液位计",
                    "m",
                    Direction.ABOVE,
                    8.0,
                    8.5,
                    9.0,
                    9.5,
                    0.1,
                    2),
            new Spec(
                    "DEMO-MP-04",
                    "演示管廊压力",
                    LinkKind.ENTERPRISE,
                    "合肥演示燃气有限公司",
                    SensorKind.PRESSURE,
                    "管道压力变送器",
                    "MPa",
                    Direction.BELOW,
                    0.35,
                    0.30,
                    0.25,
                    0.20,
                    0.01,
                    1),
            new Spec(
                    "DEMO-MP-05",
                    "南淝河水位站",
                    LinkKind.PLACE,
                    "南淝河",
                    SensorKind.WATER_LEVEL,
                    "水位计",
                    "m",
                    Direction.ABOVE,
                    9.5,
                    10.0,
                    10.5,
                    11.0,
                    0.05,
                    10),
            new Spec(
                    "DEMO-MP-06",
                    "演示水库坝前水位",
                    LinkKind.RESERVOIR,
                    "演示水库",
                    SensorKind.WATER_LEVEL,
                    "坝前水位计",
                    "m",
                    Direction.ABOVE,
                    27.0,
                    28.0,
                    28.5,
                    29.0,
                    0.05,
                    10),
            new Spec(
                    "DEMO-MP-07",
                    "城区雨量站",
                    LinkKind.PLACE,
                    "城区易涝点",
                    SensorKind.RAINFALL,
                    "雨量计（1 小时）",
                    "mm",
                    Direction.ABOVE,
                    20,
                    30,
                    50,
                    80,
                    0,
                    0),
            new Spec(
                    "DEMO-MP-08",
                    "山体边坡监测点",
                    LinkKind.PLACE,
                    "演示边坡",
                    SensorKind.DISPLACEMENT,
                    "裂缝位移计",
                    "mm",
                    Direction.ABOVE,
                    5,
                    10,
                    20,
                    40,
                    0.5,
                    30));

    private final MonitoringAdministration monitoring;
    private final Divisions divisions;
    private final boolean enabled;
    private final long seed;

    DemoMonitoring(
            MonitoringAdministration monitoring,
            Divisions divisions,
            @Value("${yingji.demo.enabled:false}") boolean enabled,
            @Value("${yingji.demo.seed:20231}") long seed) {
        this.monitoring = monitoring;
        this.divisions = divisions;
        this.enabled = enabled;
        this.seed = seed;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(60)
    void onReady() {
        if (enabled) {
            try {
                load();
            } catch (RuntimeException e) {
                LOG.warn("Demo monitoring points not loaded", e);
            }
        }
    }

    /** Registers the planned points and sensors that are missing; answers how many points were created. */
    int load() {
        SecurityContextHolder.clearContext();
        Random random = new Random(seed + 60);
        int created = 0;
        for (Spec s : SPECS) {
            double lon;
            double lat;
            int tries = 0;
            do {
                lon = 117.20 + random.nextDouble() * 0.15;
                lat = 31.80 + random.nextDouble() * 0.10;
            } while (divisions.locate(lon, lat).isEmpty() && ++tries < 200);
            if (monitoring.findPointByCode(s.code()).isPresent()) {
                continue;
            }
            try {
                MonitoringPoint p = monitoring.createPoint(
                        new NewPoint(s.code(), "【演示】" + s.name(), s.link(), null, s.linkName(), lon, lat));
                monitoring.addSensor(
                        p.id(),
                        new NewSensor(
                                s.code().replace("MP", "S"),
                                s.sensorName(),
                                s.kind(),
                                s.unit(),
                                3600,
                                s.direction(),
                                s.blue(),
                                s.yellow(),
                                s.orange(),
                                s.red(),
                                s.hysteresis(),
                                null,
                                s.durationMinutes()));
                created++;
            } catch (DomainException e) {
                LOG.warn("Demo monitoring point {} skipped: {}", s.code(), e.getMessage());
            }
        }
        if (created > 0) {
            LOG.info("Demo monitoring: {} points with sensors registered", created);
        }
        return created;
    }
}
