package cn.yingji.demo.internal;

import cn.yingji.geo.Divisions;
import cn.yingji.resource.NewTeam;
import cn.yingji.resource.RegistryKind;
import cn.yingji.resource.RescueTeams;
import cn.yingji.resource.ResourceRegistries;
import cn.yingji.resource.TeamKind;
import cn.yingji.resource.TeamManagement;
import cn.yingji.shared.PageQuery;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** A registry row: its title and its other fields as text. */
    record Row(RegistryKind kind, String title, Map<String, String> fields) {}

    private static Row row(RegistryKind kind, String title, String... keyValues) {
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            fields.put(keyValues[i], keyValues[i + 1]);
        }
        fields.put(kind == RegistryKind.STOCK ? "item" : "name", title);
        return new Row(kind, title, fields);
    }

    static final List<Row> PLACES = List.of(
            row(
                    RegistryKind.SHELTERS,
                    "瑶海区长江东路应急避难场所（演示）",
                    "level",
                    "COUNTY",
                    "duration",
                    "LONG_TERM",
                    "capacity",
                    "5000",
                    "areaM2",
                    "20000",
                    "lon",
                    "117.33",
                    "lat",
                    "31.872"),
            row(
                    RegistryKind.SHELTERS,
                    "瑶海区社区紧急避难点（演示）",
                    "level",
                    "TOWNSHIP",
                    "duration",
                    "EMERGENCY",
                    "capacity",
                    "800",
                    "lon",
                    "117.318",
                    "lat",
                    "31.874"),
            row(
                    RegistryKind.SHELTERS,
                    "蜀山区体育中心避难场所（演示）",
                    "level",
                    "COUNTY",
                    "duration",
                    "SHORT_TERM",
                    "indoor",
                    "true",
                    "capacity",
                    "3000",
                    "lon",
                    "117.21",
                    "lat",
                    "31.852"),
            row(
                    RegistryKind.WAREHOUSES,
                    "合肥市应急物资储备库（演示）",
                    "manager",
                    "王库管",
                    "phone",
                    "0551-62000001",
                    "lon",
                    "117.29",
                    "lat",
                    "31.84"),
            row(RegistryKind.WAREHOUSES, "瑶海区应急物资仓库（演示）", "manager", "赵库管", "lon", "117.335", "lat", "31.868"),
            row(RegistryKind.BASES, "合肥市消防救援支队驻地", "baseKind", "COMPREHENSIVE", "lon", "117.31", "lat", "31.862"),
            row(RegistryKind.BASES, "合肥通用航空公司驻地", "baseKind", "AVIATION", "lon", "117.28", "lat", "31.83"),
            row(
                    RegistryKind.LANDING_POINTS,
                    "滨湖医院直升机停机坪（演示）",
                    "pointKind",
                    "HELIPAD",
                    "night",
                    "true",
                    "maxWeightT",
                    "6",
                    "lon",
                    "117.30",
                    "lat",
                    "31.785"),
            row(RegistryKind.LANDING_POINTS, "骆岗临时起降点（演示）", "pointKind", "TEMPORARY", "lon", "117.28", "lat", "31.80"),
            row(
                    RegistryKind.EXPERTS,
                    "张工（危化品，演示）",
                    "specialty",
                    "HAZCHEM",
                    "title",
                    "高级工程师",
                    "organisation",
                    "合肥工业大学",
                    "lon",
                    "117.30",
                    "lat",
                    "31.84"),
            row(
                    RegistryKind.EXPERTS,
                    "李工（水利，演示）",
                    "specialty",
                    "WATER",
                    "title",
                    "正高级工程师",
                    "organisation",
                    "安徽省水利水电勘测设计研究院",
                    "lon",
                    "117.27",
                    "lat",
                    "31.86"),
            row(
                    RegistryKind.EXPERTS,
                    "王医生（医疗救护，演示）",
                    "specialty",
                    "MEDICAL",
                    "title",
                    "主任医师",
                    "organisation",
                    "安徽医科大学第一附属医院",
                    "lon",
                    "117.26",
                    "lat",
                    "31.85"));

    /** Equipment of demo teams: team name, item name, category, quantity. */
    static final List<String[]> EQUIPMENT = List.of(
            new String[] {"合肥危化品应急救援队（演示）", "重型防化服（演示）", "HAZMAT_SUIT", "30"},
            new String[] {"合肥危化品应急救援队（演示）", "有毒气体检测仪（演示）", "GAS_DETECTOR", "10"},
            new String[] {"合肥消防救援支队瑶海大队（演示）", "水罐消防车（演示）", "FIRE_ENGINE", "8"},
            new String[] {"瑶海区蓝天救援队（演示）", "冲锋舟（演示）", "BOAT", "4"},
            new String[] {"合肥通航应急救援队（演示）", "救援直升机（演示）", "HELICOPTER", "2"},
            new String[] {"合肥通航应急救援队（演示）", "侦察无人机（演示）", "DRONE", "6"});

    private final TeamManagement management;
    private final RescueTeams teams;
    private final ResourceRegistries registries;
    private final Divisions divisions;
    private final boolean enabled;

    DemoRescueForces(
            TeamManagement management,
            RescueTeams teams,
            ResourceRegistries registries,
            Divisions divisions,
            @Value("${yingji.demo.enabled:false}") boolean enabled) {
        this.management = management;
        this.teams = teams;
        this.registries = registries;
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
        int rows = places();
        if (created > 0 || rows > 0) {
            LOG.info("Demo city: {} rescue teams and {} resource records registered", created, rows);
        }
        return created;
    }

    /** Registers the shelters, warehouses with stock, bases, landing points, experts and team equipment. */
    int places() {
        int created = 0;
        for (Row r : PLACES) {
            double lon = Double.parseDouble(r.fields().get("lon"));
            double lat = Double.parseDouble(r.fields().get("lat"));
            if (divisions.locate(lon, lat).isEmpty() || registries.exists(r.kind(), r.title())) {
                continue;
            }
            var id = registries.register(r.kind(), r.fields());
            created++;
            if (r.title().equals("合肥市应急物资储备库（演示）")) {
                String today = LocalDate.now().toString();
                registries.register(RegistryKind.STOCK, stock(id, "帐篷（演示）", "顶", "2025-A", "500", "200", ""));
                registries.register(RegistryKind.STOCK, stock(id, "救生衣（演示）", "件", "2024-B", "120", "150", ""));
                registries.register(
                        RegistryKind.STOCK,
                        stock(
                                id,
                                "应急食品（演示）",
                                "箱",
                                "2025-C",
                                "300",
                                "100",
                                LocalDate.parse(today).plusDays(20).toString()));
                created += 3;
            }
        }
        for (String[] e : EQUIPMENT) {
            if (registries.exists(RegistryKind.EQUIPMENT, e[1])) {
                continue;
            }
            var team = teams.list(e[0], null, null, new PageQuery(0, 5)).items().stream()
                    .filter(t -> t.name().equals(e[0]))
                    .findFirst();
            if (team.isEmpty()) {
                continue;
            }
            registries.register(
                    RegistryKind.EQUIPMENT,
                    Map.of(
                            "name",
                            e[1],
                            "category",
                            e[2],
                            "quantity",
                            e[3],
                            "state",
                            "IN_SERVICE",
                            "teamId",
                            team.get().id().toString()));
            created++;
        }
        return created;
    }

    private static Map<String, String> stock(
            java.util.UUID warehouse, String item, String unit, String batch, String qty, String min, String expires) {
        return Map.of(
                "warehouseId",
                warehouse.toString(),
                "item",
                item,
                "unit",
                unit,
                "batch",
                batch,
                "quantity",
                qty,
                "minLevel",
                min,
                "expiresOn",
                expires);
    }
}
