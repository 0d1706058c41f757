package cn.yingji.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yingji.demo.internal.DirectoryPlan.PlannedShift;
import cn.yingji.directory.ChannelType;
import cn.yingji.directory.ContactValues;
import cn.yingji.directory.PositionKinds;
import cn.yingji.directory.ShiftRole;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The directory plan alone: no Spring, no database. */
class DirectoryPlannerTests {

    static GeneratedCity city;
    static DirectoryPlan plan;

    @BeforeAll
    static void planIt() {
        city = new CityGenerator(20231).generate();
        plan = new DirectoryPlanner(20231).plan(city);
    }

    @Test
    void aboutTwoThousandPersonsWithUniqueIdsAndValidMobiles() {
        assertThat(plan.persons()).hasSizeBetween(1_900, 2_300);
        assertThat(plan.persons().stream().map(DirectoryPlan.Member::id).distinct())
                .hasSize(plan.persons().size());
        List<String> mobiles = plan.persons().stream()
                .flatMap(m -> m.command().channels().stream())
                .filter(c -> c.type() == ChannelType.MOBILE)
                .map(c -> c.value())
                .toList();
        assertThat(mobiles).hasSize(plan.persons().size()).doesNotHaveDuplicates();
        mobiles.forEach(m -> assertThat(ContactValues.mobile(m, "mobile")).isEqualTo(m));
        assertThat(plan.persons())
                .allSatisfy(m -> assertThat(m.command().name()).hasSizeBetween(2, 3));
    }

    @Test
    void positionsCoverEveryLevel() {
        Map<String, Long> byKind = plan.positions().stream()
                .collect(Collectors.groupingBy(p -> p.command().kind(), Collectors.counting()));
        long townships = city.divisions().stream()
                .filter(d -> d.level() == cn.yingji.geo.DivisionLevel.TOWNSHIP)
                .count();
        long villages = city.divisions().stream()
                .filter(d -> d.level() == cn.yingji.geo.DivisionLevel.VILLAGE)
                .count();
        assertThat(byKind.get(PositionKinds.FLOOD_CHIEF)).isEqualTo(1 + 9 + townships);
        assertThat(byKind.get(PositionKinds.DISTRICT_HEAD)).isEqualTo(9);
        assertThat(byKind.get(PositionKinds.TOWNSHIP_HEAD)).isEqualTo(townships);
        assertThat(byKind.get(PositionKinds.TOWNSHIP_PARTY_SECRETARY)).isEqualTo(townships);
        assertThat(byKind.get(PositionKinds.VILLAGE_FLOOD_CONTACT)).isEqualTo(villages);
        assertThat(byKind.get(PositionKinds.DEPARTMENT_HEAD)).isGreaterThan(70);
        assertThat(byKind.get(PositionKinds.DUTY_OFFICER)).isEqualTo(4 + 9 * 3);
        assertThat(byKind.get(PositionKinds.GRID_WORKER)).isPositive();
        assertThat(plan.organisations())
                .extracting(o -> o.command().name())
                .contains("合肥市应急管理局", "合肥市水务局", "瑶海区应急管理局", "明光路街道办事处", "合肥演示化工有限公司");
    }

    @Test
    void rosterCoversThisWeekAndNextWithOneLeaderPerDeskAndDay() {
        LocalDate wednesday = LocalDate.of(2026, 7, 15);
        List<PlannedShift> roster = DirectoryPlanner.roster(plan, wednesday, ZoneId.of("Asia/Shanghai"));
        assertThat(roster).hasSize(14 * (3 + 9 * 2));
        assertThat(roster.stream().filter(s -> s.command().role() == ShiftRole.LEADER_ON_DUTY))
                .hasSize(14 * 10);
        assertThat(roster.get(0).command().startsAt())
                .isEqualTo(wednesday
                        .with(DayOfWeek.MONDAY)
                        .atTime(8, 0)
                        .atZone(ZoneId.of("Asia/Shanghai"))
                        .toInstant());
        assertThat(DirectoryPlanner.roster(plan, wednesday, ZoneId.of("Asia/Shanghai")))
                .isEqualTo(roster);
    }

    @Test
    void samePlanForTheSameSeed() {
        DirectoryPlan again = new DirectoryPlanner(20231).plan(city);
        assertThat(again).isEqualTo(plan);
        assertThat(plan.accountPersons())
                .containsKeys(
                        "duty",
                        "duty.yaohai",
                        "commander",
                        "dept.water",
                        "district.yaohai",
                        "township.mingguang",
                        "grid.mingguang",
                        "rescue.leader",
                        "enterprise");
    }
}
