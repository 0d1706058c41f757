package cn.yingji.demo.internal;

import cn.yingji.command.NewPlan;
import cn.yingji.command.PlanAction;
import cn.yingji.command.PlanKind;
import cn.yingji.command.PlanLevel;
import cn.yingji.command.PlanManagement;
import cn.yingji.command.PlanStatus;
import cn.yingji.command.Plans;
import cn.yingji.command.ResponseLevel;
import cn.yingji.command.ResponsibleKind;
import cn.yingji.geo.DivisionCode;
import cn.yingji.geo.Divisions;
import cn.yingji.incident.Grade;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The demo city's plan system: the city's general plan, special plans for hazardous chemicals, production-safety
 * accidents and flood control, and one district plan, each with its response levels and checklists. Created through
 * the command module by code, so a restart changes nothing.
 */
@Component
class DemoPlans {

    private static final Logger LOG = LoggerFactory.getLogger(DemoPlans.class);
    static final String CITY = "340100000000";
    static final String YAOHAI = "340102000000";

    private final PlanManagement management;
    private final Plans plans;
    private final Divisions divisions;
    private final boolean enabled;

    DemoPlans(
            PlanManagement management,
            Plans plans,
            Divisions divisions,
            @Value("${yingji.demo.enabled:false}") boolean enabled) {
        this.management = management;
        this.plans = plans;
        this.divisions = divisions;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(15)
    void onReady() {
        if (enabled) {
            load();
        }
    }

    int load() {
        SecurityContextHolder.clearContext();
        int created = 0;
        for (NewPlan p : planned()) {
            if (divisions.find(DivisionCode.of(p.divisionCode())).isEmpty()
                    || plans.findByCode(p.code()).isPresent()) {
                continue;
            }
            management.create(p);
            created++;
        }
        if (created > 0) {
            LOG.info("Demo city: {} plans registered", created);
        }
        return created;
    }

    private static List<PlanLevel> gradedLevels(String what) {
        return List.of(
                new PlanLevel(ResponseLevel.I, Grade.EXTRAORDINARY, "发生特别重大" + what + "，或需国务院、省政府统一指挥时"),
                new PlanLevel(ResponseLevel.II, Grade.MAJOR, "发生重大" + what + "，或超出市级处置能力时"),
                new PlanLevel(ResponseLevel.III, Grade.LARGER, "发生较大" + what + "，由市政府统一指挥处置"),
                new PlanLevel(ResponseLevel.IV, Grade.GENERAL, "发生一般" + what + "，由县（市、区）政府处置，市应急局指导"));
    }

    private static PlanAction a(
            ResponseLevel level, int seq, String action, ResponsibleKind kind, String who, String user, int minutes) {
        return new PlanAction(null, level, seq, action, kind, who, user, minutes);
    }

    static List<NewPlan> planned() {
        List<NewPlan> out = new ArrayList<>();
        List<PlanAction> hazchem = new ArrayList<>();
        for (ResponseLevel l : List.of(ResponseLevel.I, ResponseLevel.II, ResponseLevel.III)) {
            hazchem.add(a(l, 1, "指挥长带领工作组赶赴现场，成立现场指挥部", ResponsibleKind.POSITION, "市应急管理局分管副局长", null, 30));
            hazchem.add(a(l, 2, "危化品救援队伍到场处置泄漏，划定警戒区", ResponsibleKind.TEAM, "瑶海区蓝天救援队", "rescue.leader", 40));
            hazchem.add(a(l, 3, "开展大气、水体环境应急监测并每小时报告", ResponsibleKind.DEPARTMENT, "市生态环境局", null, 60));
            hazchem.add(a(l, 4, "组织医疗救治和中毒人员转运", ResponsibleKind.DEPARTMENT, "市卫生健康委", null, 45));
            hazchem.add(a(l, 5, "实施交通管制，疏导周边道路", ResponsibleKind.DEPARTMENT, "市公安局交警支队", null, 30));
            hazchem.add(a(l, 6, "按规定时限向省应急管理厅续报事故信息", ResponsibleKind.POSITION, "市应急管理局值班室", "duty", 120));
        }
        hazchem.add(a(ResponseLevel.IV, 1, "派员赶赴现场指导县区处置", ResponsibleKind.POSITION, "市应急管理局危化品监管处", null, 60));
        hazchem.add(a(ResponseLevel.IV, 2, "跟踪处置进展，及时续报", ResponsibleKind.POSITION, "市应急管理局值班室", "duty", 120));
        out.add(new NewPlan(
                "HF-SP-WHP",
                "合肥市危险化学品事故应急预案（演示）",
                PlanKind.SPECIAL,
                List.of("HAZARDOUS_CHEMICALS"),
                CITY,
                "合肥市人民政府办公室",
                "2024",
                LocalDate.of(2024, 6, 1),
                PlanStatus.ACTIVE,
                "适用于本市行政区域内危险化学品生产、储存、使用、经营、运输过程中发生的泄漏、火灾、爆炸、中毒等事故。",
                gradedLevels("危险化学品事故"),
                hazchem));
        List<PlanAction> safety = new ArrayList<>();
        for (ResponseLevel l : List.of(ResponseLevel.I, ResponseLevel.II, ResponseLevel.III)) {
            safety.add(a(l, 1, "成立现场指挥部，组织搜救被困人员", ResponsibleKind.POSITION, "市应急管理局分管副局长", null, 30));
            safety.add(a(l, 2, "组织消防救援力量开展抢险", ResponsibleKind.DEPARTMENT, "市消防救援支队", null, 30));
            safety.add(a(l, 3, "协调医疗救治", ResponsibleKind.DEPARTMENT, "市卫生健康委", null, 45));
            safety.add(a(l, 4, "组织行业主管部门排查同类风险", ResponsibleKind.DEPARTMENT, "市住房城乡建设局", null, 240));
        }
        safety.add(a(ResponseLevel.IV, 1, "派员赶赴现场指导县区处置", ResponsibleKind.POSITION, "市应急管理局安全生产协调处", null, 60));
        out.add(new NewPlan(
                "HF-SP-SCAQ",
                "合肥市生产安全事故应急预案（演示）",
                PlanKind.SPECIAL,
                List.of("CONSTRUCTION", "INDUSTRIAL_TRADE", "FIRE", "SPECIAL_EQUIPMENT", "MINING", "GAS"),
                CITY,
                "合肥市人民政府办公室",
                "2023",
                LocalDate.of(2023, 9, 1),
                PlanStatus.ACTIVE,
                "适用于本市行政区域内除危险化学品外的生产安全事故应对。",
                gradedLevels("生产安全事故"),
                safety));
        out.add(new NewPlan(
                "HF-GEN",
                "合肥市突发事件总体应急预案（演示）",
                PlanKind.GENERAL,
                List.of(),
                CITY,
                "合肥市人民政府",
                "2022",
                LocalDate.of(2022, 1, 1),
                PlanStatus.ACTIVE,
                "本市应对各类突发事件的总纲。",
                gradedLevels("突发事件"),
                List.of(
                        a(ResponseLevel.I, 1, "市委、市政府主要负责同志赶赴现场", ResponsibleKind.POSITION, "市政府总值班室", null, 60),
                        a(ResponseLevel.II, 1, "市政府分管负责同志赶赴现场", ResponsibleKind.POSITION, "市政府总值班室", null, 60),
                        a(ResponseLevel.III, 1, "市应急局主要负责同志赶赴现场", ResponsibleKind.POSITION, "市应急管理局办公室", null, 60),
                        a(ResponseLevel.IV, 1, "市应急局派工作组指导处置", ResponsibleKind.POSITION, "市应急管理局办公室", null, 90))));
        out.add(new NewPlan(
                "HF-SP-FX",
                "合肥市防汛抗旱应急预案（演示）",
                PlanKind.SPECIAL,
                List.of("FLOOD", "RAINSTORM", "TYPHOON"),
                CITY,
                "合肥市防汛抗旱指挥部",
                "2024",
                LocalDate.of(2024, 4, 15),
                PlanStatus.ACTIVE,
                "适用于本市行政区域内洪涝、干旱、台风等灾害的预防和应急处置。",
                List.of(
                        new PlanLevel(ResponseLevel.I, null, "巢湖水位超过保证水位或主要河道发生流域性大洪水"),
                        new PlanLevel(ResponseLevel.II, null, "巢湖水位超过警戒水位 1 米以上，或发布暴雨红色预警"),
                        new PlanLevel(ResponseLevel.III, null, "主要河道超警戒水位，或发布暴雨橙色预警"),
                        new PlanLevel(ResponseLevel.IV, null, "主要河道接近警戒水位，或发布暴雨黄色预警")),
                List.of(
                        a(ResponseLevel.III, 1, "防汛责任人上岗到位，落实叫应", ResponsibleKind.POSITION, "各县（市、区）防指", null, 60),
                        a(ResponseLevel.III, 2, "巡堤查险，加密水情监测", ResponsibleKind.DEPARTMENT, "市水务局", "dept.water", 120),
                        a(ResponseLevel.IV, 1, "加强值守，做好转移准备", ResponsibleKind.POSITION, "各县（市、区）防指", null, 120))));
        out.add(new NewPlan(
                "YH-SP-SCAQ",
                "瑶海区生产安全事故应急预案（演示）",
                PlanKind.SPECIAL,
                List.of("HAZARDOUS_CHEMICALS", "CONSTRUCTION", "INDUSTRIAL_TRADE", "FIRE"),
                YAOHAI,
                "瑶海区人民政府办公室",
                "2024",
                LocalDate.of(2024, 3, 1),
                PlanStatus.ACTIVE,
                "适用于瑶海区行政区域内一般生产安全事故的应对；较大以上事故在市级预案启动后配合处置。",
                List.of(
                        new PlanLevel(ResponseLevel.III, Grade.LARGER, "发生较大及以上事故，区级先期处置并配合市级响应"),
                        new PlanLevel(ResponseLevel.IV, Grade.GENERAL, "发生一般生产安全事故")),
                List.of(
                        a(
                                ResponseLevel.III,
                                1,
                                "区应急局主要负责同志赶赴现场先期处置",
                                ResponsibleKind.POSITION,
                                "瑶海区应急管理局",
                                "district.yaohai",
                                30),
                        a(
                                ResponseLevel.IV,
                                1,
                                "区应急局派员赶赴现场",
                                ResponsibleKind.POSITION,
                                "瑶海区应急管理局",
                                "district.yaohai",
                                45),
                        a(ResponseLevel.IV, 2, "属地街道组织人员疏散", ResponsibleKind.POSITION, "属地街道办事处", null, 30))));
        return out;
    }
}
