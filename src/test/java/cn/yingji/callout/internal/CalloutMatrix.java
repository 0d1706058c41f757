package cn.yingji.callout.internal;

import cn.yingji.callout.StartCampaign;
import cn.yingji.directory.PositionKinds;
import cn.yingji.geo.Division;
import cn.yingji.geo.DivisionCode;
import cn.yingji.geo.Divisions;
import cn.yingji.monitoring.WarningLevel;
import cn.yingji.support.MatrixContribution;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** A campaign and a call in 庐阳区 for the jurisdiction matrix; policies are platform-wide configuration. */
@Component
class CalloutMatrix implements MatrixContribution {

    private final CampaignEngine engine;
    private final Divisions divisions;
    private final JdbcClient jdbc;
    private UUID campaign;

    CalloutMatrix(CampaignEngine engine, Divisions divisions, JdbcClient jdbc) {
        this.engine = engine;
        this.divisions = divisions;
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Supplier<String>> foreignIdentifiers() {
        return Map.of(
                "{id}@campaigns", () -> foreignCampaign().toString(),
                "{id}@calls", this::foreignCall,
                "{token}@ack", () -> "forged." + UUID.randomUUID(),
                "{level}@policies", () -> "RED",
                "{person}@preferences", () -> jdbc.sql("""
                                select id::text from directory.persons
                                where division_path like '/340100000000/340103000000/%' order by 1 limit 1
                                """).query(String.class).single());
    }

    @Override
    public Set<String> platformWidePrefixes() {
        return Set.of("/api/v1/callout/policies", "/callout/policies");
    }

    private synchronized UUID foreignCampaign() {
        if (campaign == null) {
            SecurityContextHolder.clearContext();
            Division town = divisions.children(DivisionCode.of("340103000000")).get(0);
            Division village =
                    divisions.children(town.code()).stream().findFirst().orElse(town);
            campaign = engine.start(
                            new StartCampaign(WarningLevel.BLUE, "矩阵测试", "矩阵测试", List.of(village.path()), false, null))
                    .value();
        }
        return campaign;
    }

    private String foreignCall() {
        UUID c = foreignCampaign();
        return jdbc.sql("select id::text from callout.call where campaign_id = :c order by created_at limit 1")
                .param("c", c)
                .query(String.class)
                .single();
    }

    static String kind() {
        return PositionKinds.FLOOD_CHIEF;
    }
}
