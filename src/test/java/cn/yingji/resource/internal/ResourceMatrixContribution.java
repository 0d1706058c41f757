package cn.yingji.resource.internal;

import cn.yingji.resource.NewTeam;
import cn.yingji.resource.TeamKind;
import cn.yingji.support.MatrixContribution;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The resource module's rows in the jurisdiction matrix: one of each registry in 庐阳区, created on first use. */
@Component
class ResourceMatrixContribution implements MatrixContribution {

    private final TeamService teams;
    private final RegistryService registries;
    private final DispatchRequests requests;
    private final cn.yingji.incident.IncidentManagement incidents;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final cn.yingji.geo.Divisions divisions;
    private UUID request;
    private UUID team;
    private UUID warehouse;

    ResourceMatrixContribution(
            TeamService teams,
            RegistryService registries,
            DispatchRequests requests,
            cn.yingji.incident.IncidentManagement incidents,
            org.springframework.jdbc.core.simple.JdbcClient jdbc,
            cn.yingji.geo.Divisions divisions) {
        this.teams = teams;
        this.registries = registries;
        this.requests = requests;
        this.incidents = incidents;
        this.jdbc = jdbc;
        this.divisions = divisions;
    }

    private synchronized UUID request() {
        if (request == null) {
            double[] p = ResourceFixtures.luyangPoint(jdbc, divisions);
            cn.yingji.incident.IncidentId incident =
                    ResourceFixtures.hazchemIncident(incidents, "矩阵测试支援请求事件", p[0], p[1]);
            SecurityContextHolder.clearContext();
            request = requests.request(incident.value(), "WATER", 1, "矩阵测试");
        }
        return request;
    }

    private synchronized UUID team() {
        if (team == null) {
            SecurityContextHolder.clearContext();
            team = teams.create(new NewTeam(
                            ResourceFixtures.unique("矩阵测试队"),
                            TeamKind.PRO_WATER,
                            null,
                            null,
                            10,
                            "WATER",
                            List.of(),
                            2,
                            117.27,
                            31.89,
                            ResourceFixtures.LUYANG_TOWNSHIP,
                            null,
                            null))
                    .value();
        }
        return team;
    }

    private synchronized UUID warehouse() {
        if (warehouse == null) {
            SecurityContextHolder.clearContext();
            warehouse = registries.create(
                    Registry.WAREHOUSES,
                    Map.of(
                            "name",
                            ResourceFixtures.unique("矩阵测试仓库"),
                            "lon",
                            "117.27",
                            "lat",
                            "31.89",
                            "divisionCode",
                            ResourceFixtures.LUYANG_TOWNSHIP));
        }
        return warehouse;
    }

    private final Map<Registry, String> created = new java.util.concurrent.ConcurrentHashMap<>();

    private synchronized String create(Registry r, Map<String, String> values) {
        return created.computeIfAbsent(r, k -> {
            SecurityContextHolder.clearContext();
            return registries.create(k, values).toString();
        });
    }

    private Supplier<String> registry(Registry r, String... keyValues) {
        return () -> {
            Map<String, String> values = new java.util.HashMap<>();
            for (int k = 0; k < keyValues.length; k += 2) {
                values.put(keyValues[k], keyValues[k + 1]);
            }
            values.put(r.titleField(), ResourceFixtures.unique("矩阵测试"));
            if (values.containsKey("lon")) {
                values.put("divisionCode", ResourceFixtures.LUYANG_TOWNSHIP);
            }
            return create(r, values);
        };
    }

    @Override
    public Map<String, Supplier<String>> foreignIdentifiers() {
        Map<String, Supplier<String>> out = new java.util.LinkedHashMap<>();
        out.put("{id}@teams", () -> team().toString());
        out.put("{id}@requests", () -> request().toString());
        out.put("{memberId}@members", () -> UUID.randomUUID().toString());
        out.put("{id}@warehouses", () -> warehouse().toString());
        out.put(
                "{id}@equipment",
                () -> registry(
                                Registry.EQUIPMENT,
                                "category",
                                "BOAT",
                                "quantity",
                                "2",
                                "state",
                                "IN_SERVICE",
                                "teamId",
                                team().toString())
                        .get());
        out.put(
                "{id}@stock",
                () -> registry(
                                Registry.STOCK,
                                "warehouseId",
                                warehouse().toString(),
                                "unit",
                                "个",
                                "batch",
                                ResourceFixtures.unique("B"),
                                "quantity",
                                "100")
                        .get());
        out.put(
                "{id}@shelters",
                registry(
                        Registry.SHELTERS,
                        "level",
                        "TOWNSHIP",
                        "duration",
                        "SHORT_TERM",
                        "capacity",
                        "100",
                        "lon",
                        "117.27",
                        "lat",
                        "31.89"));
        out.put("{id}@experts", registry(Registry.EXPERTS, "specialty", "HAZCHEM", "lon", "117.27", "lat", "31.89"));
        out.put("{id}@bases", registry(Registry.BASES, "baseKind", "REGIONAL", "lon", "117.27", "lat", "31.89"));
        out.put(
                "{id}@landing-points",
                registry(Registry.LANDING_POINTS, "pointKind", "HELIPAD", "lon", "117.27", "lat", "31.89"));
        return out;
    }
}
