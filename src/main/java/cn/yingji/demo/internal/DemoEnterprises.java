package cn.yingji.demo.internal;

import cn.yingji.directory.SocialCreditCode;
import cn.yingji.geo.Division;
import cn.yingji.geo.Divisions;
import cn.yingji.geo.Location;
import cn.yingji.risk.EnterpriseInput;
import cn.yingji.risk.EnterpriseManagement;
import cn.yingji.risk.EnterpriseSize;
import cn.yingji.risk.EnterpriseStatus;
import cn.yingji.shared.DomainException;
import java.util.List;
import java.util.Optional;
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
 * Registers the demo enterprises: the directory's demo chemical company, and forty more at points across the city,
 * covering every industry of the registry. Registration is idempotent by credit code.
 */
@Component
class DemoEnterprises {

    private static final Logger LOG = LoggerFactory.getLogger(DemoEnterprises.class);
    private static final int COUNT = 40;
    private static final List<String[]> SAMPLES = List.of(
            new String[] {"HAZARDOUS_CHEMICALS", "化工有限公司"},
            new String[] {"HAZARDOUS_CHEMICALS", "危险化学品储运有限公司"},
            new String[] {"MINING", "石料矿业有限公司"},
            new String[] {"FIREWORKS", "烟花爆竹批发有限公司"},
            new String[] {"METALLURGY", "铸造有限公司"},
            new String[] {"INDUSTRIAL_TRADE", "食品加工有限公司"},
            new String[] {"INDUSTRIAL_TRADE", "木制品有限公司"},
            new String[] {"CONSTRUCTION", "建筑工程有限公司"},
            new String[] {"GAS", "燃气有限公司"},
            new String[] {"ROAD_TRANSPORT", "物流运输有限公司"},
            new String[] {"SPECIAL_EQUIPMENT", "起重设备安装有限公司"},
            new String[] {"TOURISM", "旅游开发有限公司"});
    private static final String[] PREFIXES = {"合肥", "庐州", "包河", "巢湖", "淝河", "紫蓬", "大蜀山", "董铺", "滨湖", "新站"};
    private static final String[] BRANDS = {"", "宏达", "恒信", "华安", "兴业"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"};
    private static final String[] GIVEN = {"建国", "海燕", "志强", "秀英", "晓东", "丽华", "国庆", "文静"};

    private final EnterpriseManagement enterprises;
    private final Divisions divisions;
    private final boolean enabled;
    private final long seed;

    DemoEnterprises(
            EnterpriseManagement enterprises,
            Divisions divisions,
            @Value("${yingji.demo.enabled:false}") boolean enabled,
            @Value("${yingji.demo.seed:20231}") long seed) {
        this.enterprises = enterprises;
        this.divisions = divisions;
        this.enabled = enabled;
        this.seed = seed;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(25)
    void onReady() {
        if (enabled) {
            try {
                load();
            } catch (RuntimeException e) {
                LOG.warn("Demo enterprises not loaded", e);
            }
        }
    }

    /** Registers the planned enterprises that are missing; answers how many. */
    int load() {
        SecurityContextHolder.clearContext();
        int created = 0;
        String first17 = "91" + DirectoryPlanner.DEMO_COUNTY.substring(0, 6) + "MA2DEMX01";
        String village = DirectoryPlanner.DEMO_TOWNSHIP.substring(0, 9) + "002";
        created += register(new EnterpriseInput(
                first17 + SocialCreditCode.checkCharacter(first17),
                "合肥演示化工有限公司",
                "HAZARDOUS_CHEMICALS",
                EnterpriseSize.MEDIUM,
                260,
                EnterpriseStatus.OPERATING,
                "合肥市瑶海区明光路街道演示路 8 号",
                null,
                null,
                village,
                "周安全",
                "13905510001"));
        Random random = new Random(seed + 7);
        int tries = 0;
        for (int i = 0; i < COUNT && tries < COUNT * 50; tries++) {
            double lon = 117.05 + random.nextDouble() * 0.45;
            double lat = 31.65 + random.nextDouble() * 0.35;
            Optional<Location> at = divisions.locate(lon, lat);
            if (at.isEmpty() || at.get().chain().size() < 2) {
                continue;
            }
            Division county = at.get().chain().get(1);
            String[] sample = SAMPLES.get(i % SAMPLES.size());
            String code17 = "91" + county.code().value().substring(0, 6) + String.format("MA2Y%05d", i);
            EnterpriseSize size = EnterpriseSize.values()[i % EnterpriseSize.values().length];
            created += register(new EnterpriseInput(
                    code17 + SocialCreditCode.checkCharacter(code17),
                    PREFIXES[i % PREFIXES.length]
                            + (i < PREFIXES.length ? "" : String.valueOf(i / PREFIXES.length))
                            + sample[1],
                    sample[0],
                    size,
                    switch (size) {
                        case LARGE -> 1200 + i;
                        case MEDIUM -> 300 + i;
                        case SMALL -> 40 + i;
                        case MICRO -> 5 + i % 5;
                    },
                    i % 13 == 5 ? EnterpriseStatus.SUSPENDED : EnterpriseStatus.OPERATING,
                    county.name() + PREFIXES[(i + 3) % PREFIXES.length] + "路 " + (10 + i) + " 号",
                    Math.round(lon * 1e6) / 1e6,
                    Math.round(lat * 1e6) / 1e6,
                    null,
                    SURNAMES[i % SURNAMES.length] + GIVEN[i % GIVEN.length],
                    String.format("1390551%04d", 100 + i)));
            i++;
        }
        if (created > 0) {
            LOG.info("Demo city: {} enterprises registered", created);
        }
        return created;
    }

    private int register(EnterpriseInput in) {
        try {
            enterprises.register(in);
            return 1;
        } catch (DomainException e) {
            LOG.debug("Demo enterprise {} skipped: {}", in.name(), e.getMessage());
            return 0;
        }
    }
}
