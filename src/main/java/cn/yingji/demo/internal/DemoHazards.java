package cn.yingji.demo.internal;

import cn.yingji.geo.Divisions;
import cn.yingji.hazard.Assignment;
import cn.yingji.hazard.HazardGrade;
import cn.yingji.hazard.HazardId;
import cn.yingji.hazard.HazardManagement;
import cn.yingji.hazard.HazardState;
import cn.yingji.hazard.NewHazard;
import cn.yingji.hazard.Photo;
import cn.yingji.hazard.ReportReceipt;
import cn.yingji.hazard.StepInput;
import cn.yingji.shared.DomainException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
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
 * Three dozen hidden hazards spread over the demo city in every state of the lifecycle, so the ledger, the exports
 * and the follow-up page have something to show on a first start. Points are drawn deterministically inside the
 * loaded divisions; each report carries a fixed idempotency key, so a restart creates nothing.
 */
@Component
class DemoHazards {

    private static final Logger LOG = LoggerFactory.getLogger(DemoHazards.class);
    private static final int COUNT = 36;
    private static final byte[] PNG = Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
    private static final List<String[]> SAMPLES = List.of(
            new String[] {"FIRE", "楼道堆放杂物堵塞消防通道"},
            new String[] {"FIRE", "电动自行车在楼道内充电"},
            new String[] {"GAS", "餐饮店燃气软管老化未更换"},
            new String[] {"CONSTRUCTION", "工地临边防护栏杆缺失"},
            new String[] {"HAZCHEM", "危化品仓库未设置防爆照明"},
            new String[] {"INDUSTRY_TRADE", "粉尘车间除尘系统未正常运行"},
            new String[] {"SPECIAL_EQUIPMENT", "电梯年检标志过期"},
            new String[] {"TRANSPORT", "路口交通信号灯损坏"},
            new String[] {"NATURAL_DISASTER", "山体边坡出现裂缝"},
            new String[] {"OTHER", "广告牌支架锈蚀松动"});
    private static final HazardState[] FINAL = {
        HazardState.REPORTED, HazardState.VERIFIED, HazardState.ASSIGNED, HazardState.RECTIFYING,
        HazardState.RECTIFIED, HazardState.ACCEPTED, HazardState.CLOSED, HazardState.CLOSED,
        HazardState.REJECTED
    };

    private final HazardManagement hazards;
    private final Divisions divisions;
    private final boolean enabled;
    private final long seed;

    DemoHazards(
            HazardManagement hazards,
            Divisions divisions,
            @Value("${yingji.demo.enabled:false}") boolean enabled,
            @Value("${yingji.demo.seed:20231}") long seed) {
        this.hazards = hazards;
        this.divisions = divisions;
        this.enabled = enabled;
        this.seed = seed;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(30)
    void onReady() {
        if (enabled) {
            try {
                load();
            } catch (RuntimeException e) {
                LOG.warn("Demo hazards not loaded", e);
            }
        }
    }

    /** Reports the planned hazards that are missing and walks them to their planned state; answers how many. */
    int load() {
        SecurityContextHolder.clearContext();
        Random random = new Random(seed);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        int created = 0;
        int tries = 0;
        for (int i = 0; i < COUNT && tries < COUNT * 50; tries++) {
            double lon = 117.05 + random.nextDouble() * 0.45;
            double lat = 31.65 + random.nextDouble() * 0.35;
            if (divisions.locate(lon, lat).isEmpty()) {
                continue;
            }
            String[] sample = SAMPLES.get(i % SAMPLES.size());
            HazardState target = FINAL[i % FINAL.length];
            HazardGrade grade = i % 7 == 3 ? HazardGrade.MAJOR : HazardGrade.GENERAL;
            String key = "demo-hazard-" + i;
            i++;
            try {
                ReportReceipt r = hazards.reportAnonymously(
                        new NewHazard(null, "【演示】" + sample[1], grade, sample[0], lon, lat, null, null, null, null),
                        new Photo("demo.png", PNG),
                        key,
                        key);
                if (r.replayed()) {
                    continue;
                }
                walk(r.hazard().id(), target, grade, today.plusDays(1 + (i % 20)));
                created++;
            } catch (DomainException e) {
                LOG.debug("Demo hazard {} skipped: {}", key, e.getMessage());
            }
        }
        if (created > 0) {
            LOG.info("Demo city: {} demo hazards reported", created);
        }
        return created;
    }

    private void walk(HazardId id, HazardState target, HazardGrade grade, LocalDate deadline) {
        StepInput none = new StepInput(null, null, null, null);
        if (target == HazardState.REPORTED) {
            return;
        }
        if (target == HazardState.REJECTED) {
            hazards.reject(id, new StepInput("经核实不属于安全隐患", null, null, null));
            return;
        }
        hazards.verify(id, grade, new StepInput("现场核实属实", null, null, null));
        if (target == HazardState.VERIFIED) {
            return;
        }
        hazards.assign(
                id,
                new Assignment(
                        "演示责任人",
                        "按规定限期整改",
                        new BigDecimal("5000"),
                        deadline,
                        grade == HazardGrade.MAJOR ? "整改期间局部停产并设警戒区" : null,
                        null,
                        null),
                none);
        if (target == HazardState.ASSIGNED) {
            return;
        }
        hazards.start(id, none);
        if (target == HazardState.RECTIFYING) {
            return;
        }
        hazards.rectify(id, new StepInput("已整改", null, null, new Photo("after.png", PNG)));
        if (target == HazardState.RECTIFIED) {
            return;
        }
        hazards.accept(id, true, new StepInput("复查合格", null, null, null));
        if (target == HazardState.ACCEPTED) {
            return;
        }
        hazards.close(id, none);
    }
}
