package cn.yingji.demo.internal;

import cn.yingji.geo.Divisions;
import cn.yingji.resource.NewTeam;
import cn.yingji.resource.RescueTeams;
import cn.yingji.resource.TeamKind;
import cn.yingji.resource.TeamManagement;
import cn.yingji.shared.PageQuery;
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
 * Rescue teams of several kinds across the districts, so the forces map and the dispatch recommendation have
 * something to show; {@code rescue.leader} leads the 瑶海区 volunteer team. Registered through the resource module's
 * facade; a team whose name already exists is skipped, so restarts create nothing.
 */
@Component
class DemoRescueForces {

    private static final Logger LOG = LoggerFactory.getLogger(DemoRescueForces.class);

    record Planned(
            String name,
            TeamKind kind,
            String organisation,
            int headcount,
            String primary,
            List<String> further,
            int readiness,
            double lon,
            double lat,
            @Nullable String leader) {}

    static final List<Planned> PLANNED = List.of(
            new Planned(
                    "瑶海区蓝天救援队（演示）",
                    TeamKind.SOCIAL,
                    "瑶海区蓝天救援协会",
                    36,
                    "WATER",
                    List.of("STRUCTURAL", "MEDICAL", "EVACUATION"),
                    2,
                    117.325,
                    31.875,
                    "rescue.leader"),
            new Planned(
                    "合肥消防救援支队瑶海大队（演示）",
                    TeamKind.NATIONAL_FIRE_RESCUE,
                    "合肥市消防救援支队",
                    60,
                    "FIRE_RESCUE",
                    List.of("HAZCHEM", "ROAD_RESCUE", "STRUCTURAL"),
                    1,
                    117.31,
                    31.862,
                    null),
            new Planned(
                    "合肥危化品应急救援队（演示）",
                    TeamKind.PRO_HAZCHEM,
                    "合肥市应急管理局",
                    40,
                    "HAZCHEM",
                    List.of("FIRE_RESCUE", "MEDICAL"),
                    1,
                    117.34,
                    31.88,
                    null),
            new Planned(
                    "合肥演示化工专职消防队（演示）",
                    TeamKind.ENTERPRISE,
                    "合肥演示化工有限公司",
                    18,
                    "FIRE_RESCUE",
                    List.of("HAZCHEM"),
                    1,
                    117.33,
                    31.866,
                    null),
            new Planned(
                    "包河区医疗救护队（演示）",
                    TeamKind.PRO_MEDICAL,
                    "包河区卫生健康委员会",
                    25,
                    "MEDICAL",
                    List.of(),
                    2,
                    117.30,
                    31.80,
                    null),
            new Planned(
                    "蜀山区建筑工程抢险队（演示）",
                    TeamKind.PRO_TUNNEL,
                    "蜀山区住房和城乡建设局",
                    45,
                    "TUNNEL",
                    List.of("STRUCTURAL"),
                    2,
                    117.20,
                    31.85,
                    null),
            new Planned(
                    "肥西县抗洪抢险队（演示）",
                    TeamKind.PRO_WATER,
                    "肥西县水务局",
                    50,
                    "WATER",
                    List.of("EVACUATION"),
                    2,
                    117.15,
                    31.70,
                    null),
            new Planned(
                    "庐阳区电力抢修队（演示）",
                    TeamKind.PRO_POWER,
                    "国网合肥供电公司",
                    30,
                    "POWER",
                    List.of("COMMS"),
                    2,
                    117.27,
                    31.89,
                    null),
            new Planned(
                    "合肥市民兵应急排（演示）",
                    TeamKind.MILITIA,
                    "合肥警备区",
                    35,
                    "EVACUATION",
                    List.of("WATER", "FOREST_FIRE"),
                    3,
                    117.22,
                    31.82,
                    null),
            new Planned(
                    "合肥通航应急救援队（演示）",
                    TeamKind.AVIATION,
                    "合肥通用航空公司",
                    12,
                    "AVIATION",
                    List.of("MEDICAL", "FOREST_FIRE"),
                    2,
                    117.28,
                    31.83,
                    null));

    private final TeamManagement management;
    private final RescueTeams teams;
    private final Divisions divisions;
    private final boolean enabled;

    DemoRescueForces(
            TeamManagement management,
            RescueTeams teams,
            Divisions divisions,
            @Value("${yingji.demo.enabled:false}") boolean enabled) {
        this.management = management;
        this.teams = teams;
        this.divisions = divisions;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(30)
    void onReady() {
        if (enabled) {
            load();
        }
    }

    /** Registers the planned teams that are missing; returns how many were created. */
    int load() {
        SecurityContextHolder.clearContext();
        int created = 0;
        for (Planned p : PLANNED) {
            if (divisions.locate(p.lon(), p.lat()).isEmpty()) {
                LOG.warn("Demo team {} skipped: its point lies outside the loaded divisions", p.name());
                continue;
            }
            boolean exists = teams.list(p.name(), p.kind(), null, new PageQuery(0, 5)).items().stream()
                    .anyMatch(t -> t.name().equals(p.name()));
            if (exists) {
                continue;
            }
            management.create(new NewTeam(
                    p.name(),
                    p.kind(),
                    p.organisation(),
                    p.organisation() + "驻地",
                    p.headcount(),
                    p.primary(),
                    p.further(),
                    p.readiness(),
                    p.lon(),
                    p.lat(),
                    null,
                    p.leader(),
                    "0551-6000" + String.format("%04d", created + 1)));
            created++;
        }
        if (created > 0) {
            LOG.info("Demo city: {} rescue teams registered", created);
        }
        return created;
    }
}
