package cn.yingji.callout.internal;

import cn.yingji.callout.CampaignId;
import cn.yingji.callout.StartCampaign;
import cn.yingji.geo.Division;
import cn.yingji.geo.DivisionCode;
import cn.yingji.geo.Divisions;
import cn.yingji.monitoring.WarningLevel;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Shared helpers of the callout tests: areas of the demo city and reads of stored calls. */
@Component
class CalloutFixtures {

    /** A township of 瑶海区 other than the demo street (kept apart from the grassroots tests). */
    static final String TOWNSHIP = "340102002000";

    private final Divisions divisions;
    private final JdbcClient jdbc;
    private final CampaignEngine engine;

    CalloutFixtures(Divisions divisions, JdbcClient jdbc, CampaignEngine engine) {
        this.divisions = divisions;
        this.jdbc = jdbc;
        this.engine = engine;
    }

    /** The {@code i}-th village of the test township (0-based). */
    Division village(int i) {
        for (String code : List.of(TOWNSHIP, "340102003000", "340102004000", "340102001000")) {
            List<Division> villages = divisions.children(DivisionCode.of(code));
            if (villages.size() > 3) {
                return villages.get(i);
            }
        }
        for (Division town : divisions.children(DivisionCode.of("340102000000"))) {
            List<Division> villages = divisions.children(town.code());
            if (villages.size() > 3) {
                return villages.get(i);
            }
        }
        throw new IllegalStateException("no township with villages");
    }

    UUID start(Division area, boolean drill) {
        CampaignId id = engine.start(
                new StartCampaign(WarningLevel.RED, "测试暴雨红色预警", "请立即到岗", List.of(area.path()), drill, null));
        return id.value();
    }

    List<CampaignEngine.CallRow> calls(UUID campaign) {
        return jdbc.sql("select * from callout.call where campaign_id = :c order by tier_index, created_at")
                .param("c", campaign)
                .query(CampaignEngine::mapCall)
                .list();
    }

    CampaignEngine.CallRow call(UUID campaign, String tier) {
        return calls(campaign).stream()
                .filter(c -> c.tier().equals(tier) && c.reason().equals("FIRST"))
                .findFirst()
                .orElseThrow();
    }

    CampaignEngine.CallRow call(UUID id) {
        return engine.lockCallReadOnly(id);
    }

    List<CampaignEngine.CallRow> children(UUID parent) {
        return jdbc.sql("select * from callout.call where parent_call = :p order by created_at")
                .param("p", parent)
                .query(CampaignEngine::mapCall)
                .list();
    }

    int messages(UUID call) {
        return jdbc.sql("select count(*) from notify.message where correlation = :c")
                .param("c", call.toString())
                .query(Integer.class)
                .single();
    }

    int pendingTimers(UUID call) {
        return jdbc.sql("select count(*) from callout.due where call_id = :c and state = 'PENDING'")
                .param("c", call)
                .query(Integer.class)
                .single();
    }

    int firedTimers(UUID call) {
        return jdbc.sql("select count(*) from callout.due where call_id = :c and state = 'FIRED'")
                .param("c", call)
                .query(Integer.class)
                .single();
    }

    boolean reached(UUID call) {
        return jdbc.sql("select reached_at is not null from callout.call where id = :c")
                .param("c", call)
                .query(Boolean.class)
                .single();
    }
}
