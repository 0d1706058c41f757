package cn.yingji.demo.internal;

import cn.yingji.geo.Divisions;
import cn.yingji.incident.Casualties;
import cn.yingji.incident.IncidentManagement;
import cn.yingji.incident.NewIncident;
import cn.yingji.incident.ReportChannel;
import cn.yingji.incident.ReportingLevel;
import cn.yingji.shared.ConflictException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * A handful of events in several districts so the duty desk, the dossier and the command centre have something to
 * show on a first start. Each is reported through the incident module with a fixed idempotency key, so a restart
 * finds the existing event and creates nothing.
 */
@Component
class DemoIncidents {

    private static final Logger LOG = LoggerFactory.getLogger(DemoIncidents.class);

    record Planned(
            String key,
            String type,
            String title,
            double lon,
            double lat,
            Duration ago,
            ReportChannel channel,
            @Nullable String enterprise,
            Casualties casualties,
            String description,
            boolean drill) {}

    private static Casualties casualties(int deaths, int injured, long lossYuan) {
        return new Casualties(deaths, 0, injured, 0, 0, BigDecimal.valueOf(lossYuan), BigDecimal.ZERO);
    }

    static final List<Planned> PLANNED = List.of(
            new Planned(
                    "demo-incident-1",
                    "HAZARDOUS_CHEMICALS",
                    "【演示】瑶海区某化工仓库储罐泄漏",
                    117.32,
                    31.87,
                    Duration.ofMinutes(50),
                    ReportChannel.PHONE,
                    "合肥演示化工有限公司",
                    casualties(3, 2, 2_000_000),
                    "液氨储罐阀门泄漏，现场 2 人重伤送医，3 人死亡；周边 300 米已疏散。",
                    false),
            new Planned(
                    "demo-incident-2",
                    "ROAD_TRAFFIC",
                    "【演示】蜀山区高架货车侧翻",
                    117.20,
                    31.85,
                    Duration.ofHours(3),
                    ReportChannel.POLICE_110_TRANSFER,
                    null,
                    casualties(1, 1, 300_000),
                    "一辆货车在高架匝道侧翻，1 人死亡 1 人重伤，交通管制中。",
                    false),
            new Planned(
                    "demo-incident-3",
                    "CONSTRUCTION",
                    "【演示】包河区在建工地脚手架坍塌",
                    117.30,
                    31.80,
                    Duration.ofHours(6),
                    ReportChannel.DEPARTMENT,
                    null,
                    casualties(0, 3, 800_000),
                    "在建住宅项目脚手架局部坍塌，3 人重伤。",
                    false),
            new Planned(
                    "demo-incident-4",
                    "FLOOD",
                    "【演示】肥西县低洼地带积水（演练）",
                    117.15,
                    31.70,
                    Duration.ofHours(1),
                    ReportChannel.GRID_WORKER,
                    null,
                    casualties(0, 0, 0),
                    "汛期应急演练：低洼村庄转移群众 120 人。",
                    true));

    private final IncidentManagement incidents;
    private final Divisions divisions;
    private final boolean enabled;

    DemoIncidents(
            IncidentManagement incidents, Divisions divisions, @Value("${yingji.demo.enabled:false}") boolean enabled) {
        this.incidents = incidents;
        this.divisions = divisions;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(20)
    void onReady() {
        if (enabled) {
            load(Instant.now());
        }
    }

    /** Reports the planned events that are missing; returns how many were created. */
    int load(Instant now) {
        SecurityContextHolder.clearContext();
        int created = 0;
        for (Planned p : PLANNED) {
            if (divisions.locate(p.lon(), p.lat()).isEmpty()) {
                LOG.warn("Demo incident {} skipped: its point lies outside the loaded divisions", p.key());
                continue;
            }
            try {
                var result = incidents.report(
                        new NewIncident(
                                p.type(),
                                p.title(),
                                now.minus(p.ago()),
                                now.minus(p.ago()).plus(Duration.ofMinutes(10)),
                                ReportingLevel.COUNTY,
                                p.lon(),
                                p.lat(),
                                null,
                                "值班接报",
                                null,
                                p.channel(),
                                p.enterprise(),
                                null,
                                p.casualties(),
                                p.description(),
                                p.drill()),
                        p.key());
                if (!result.replayed()) {
                    created++;
                }
            } catch (ConflictException e) {
                // Same key, different times: the event was reported on an earlier start.
            }
        }
        if (created > 0) {
            LOG.info("Demo city: {} demo events reported", created);
        }
        return created;
    }
}
