package cn.yingji.demo.internal;

import cn.yingji.identity.Jurisdiction;
import cn.yingji.identity.Role;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo accounts: one per role, at the city, district, township and grid levels, all with {@link #PASSWORD}.
 * They exist only in demo mode and are flagged {@code demo}. The README's "Demo accounts" table lists the same.
 */
final class DemoAccounts {

    /** The one documented password of every demo account. */
    static final String PASSWORD = "Demo!2026yj";

    private DemoAccounts() {}

    /**
     * A demo account.
     *
     * @param username login name
     * @param displayName shown name
     * @param role its single role
     * @param homePath where it is administered
     * @param jurisdiction capture and view scopes
     */
    record Spec(String username, String displayName, Role role, String homePath, Jurisdiction jurisdiction) {

        Set<Role> roles() {
            return Set.of(role);
        }
    }

    /**
     * The accounts for a city whose divisions have the given paths.
     *
     * @param paths division paths by code (see {@link DirectoryPlanner#paths})
     */
    static List<Spec> specs(Map<String, String> paths, String cityCode) {
        String city = paths.get(cityCode);
        String district = paths.get(DirectoryPlanner.DEMO_COUNTY);
        String township = paths.get(DirectoryPlanner.DEMO_TOWNSHIP);
        String grid = DirectoryPlanner.DEMO_GRID;
        String village = paths.get(grid.substring(0, 12));
        String gridPath = village + grid + "/";
        String enterpriseVillage = paths.getOrDefault(DirectoryPlanner.DEMO_TOWNSHIP.substring(0, 9) + "002", district);
        return List.of(
                new Spec("admin", "系统管理员（演示）", Role.ADMIN, city, scope(List.of(city), List.of())),
                new Spec("duty", "市应急局值班员（演示）", Role.DUTY_OFFICER, city, scope(List.of(city), List.of())),
                new Spec(
                        "duty.yaohai",
                        "瑶海区应急局值班员（演示）",
                        Role.DUTY_OFFICER,
                        district,
                        scope(List.of(district), List.of())),
                new Spec("commander", "市应急局指挥长（演示）", Role.COMMANDER, city, scope(List.of(city), List.of())),
                new Spec("dept.water", "市水务局联络员（演示）", Role.DEPARTMENT_OFFICER, city, scope(List.of(), List.of(city))),
                new Spec(
                        "district.yaohai",
                        "瑶海区应急局干部（演示）",
                        Role.DISTRICT_OFFICER,
                        district,
                        scope(List.of(district), List.of())),
                new Spec(
                        "township.mingguang",
                        "明光路街道干部（演示）",
                        Role.TOWNSHIP_OFFICER,
                        township,
                        scope(List.of(township), List.of())),
                new Spec(
                        "grid.mingguang",
                        "明光路街道网格员（演示）",
                        Role.GRID_WORKER,
                        gridPath,
                        scope(List.of(gridPath), List.of(village))),
                new Spec(
                        "rescue.leader",
                        "瑶海区蓝天救援队队长（演示）",
                        Role.RESCUE_LEADER,
                        district,
                        scope(List.of(district), List.of(city))),
                new Spec(
                        "enterprise",
                        "合肥演示化工有限公司（演示）",
                        Role.ENTERPRISE_USER,
                        enterpriseVillage,
                        scope(List.of(enterpriseVillage), List.of())));
    }

    private static Jurisdiction scope(List<String> capture, List<String> view) {
        return new Jurisdiction(capture, view);
    }
}
