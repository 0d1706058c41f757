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
    private UUID team;
    private UUID warehouse;

    ResourceMatrixContribution(TeamService teams, RegistryService registries) {
        this.teams = teams;
        this.registries = registries;
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

    @Override
    public Map<String, Supplier<String>> foreignIdentifiers() {
        return Map.of(
                "{id}@teams",
                () -> team().toString(),
                "{memberId}@members",
                () -> UUID.randomUUID().toString(),
                "{id}@warehouses",
                () -> warehouse().toString(),
                "{id}@equipment",
                () -> create(
                        Registry.EQUIPMENT,
                        Map.of(
                                "name", ResourceFixtures.unique("矩阵测试冲锋舟"),
                                "category", "BOAT",
                                "quantity", "2",
                                "state", "IN_SERVICE",
                                "teamId", team().toString())),
                "{id}@stock",
                () -> create(
                        Registry.STOCK,
                        Map.of(
                                "warehouseId", warehouse().toString(),
                                "item", "矩阵测试沙袋",
                                "unit", "个",
                                "batch", ResourceFixtures.unique("B"),
                                "quantity", "100")),
                "{id}@shelters",
                () -> create(
                        Registry.SHELTERS,
                        Map.of(
                                "name", ResourceFixtures.unique("矩阵测试避难场所"),
                                "level", "TOWNSHIP",
                                "duration", "SHORT_TERM",
                                "capacity", "100",
                                "lon", "117.27",
                                "lat", "31.89",
                                "divisionCode", ResourceFixtures.LUYANG_TOWNSHIP)),
                "{id}@experts",
                () -> create(
                        Registry.EXPERTS,
                        Map.of(
                                "name",
                                ResourceFixtures.unique("矩阵测试专家"),
                                "specialty",
                                "HAZCHEM",
                                "divisionCode",
                                ResourceFixtures.LUYANG_TOWNSHIP)));
    }
}
