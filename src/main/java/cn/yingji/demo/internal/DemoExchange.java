package cn.yingji.demo.internal;

import cn.yingji.exchange.ExchangeAdministration;
import cn.yingji.exchange.ExchangeAdministration.NewApiClient;
import cn.yingji.exchange.ExchangeAdministration.NewSubscription;
import cn.yingji.exchange.SharedResource;
import cn.yingji.exchange.WebhookEvent;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Two department API clients (the city water bureau for the whole city, 瑶海区 emergency office for its district)
 * and one webhook subscription of the water bureau to warnings and graded events. Created once; the water bureau's
 * key is logged once, clearly marked as a demo key, so the open API can be tried by hand. Nothing else secret is
 * logged. The webhook points at a local address nobody listens on, so its deliveries show retries and end in the
 * dead-letter list.
 */
@Component
class DemoExchange {

    private static final Logger LOG = LoggerFactory.getLogger(DemoExchange.class);
    static final String WATER = "合肥市水务局（演示）";
    static final String YAOHAI = "瑶海区应急管理局（演示）";

    private final ExchangeAdministration exchange;
    private final boolean enabled;
    private final String receiver;

    DemoExchange(
            ExchangeAdministration exchange,
            @Value("${yingji.demo.enabled:false}") boolean enabled,
            @Value("${yingji.demo.webhook-url:http://127.0.0.1:9/yingji-demo-webhook}") String receiver) {
        this.exchange = exchange;
        this.enabled = enabled;
        this.receiver = receiver;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(60)
    void onReady() {
        if (!enabled) {
            return;
        }
        try {
            load();
        } catch (RuntimeException e) {
            LOG.warn("Demo exchange clients not loaded", e);
        }
    }

    void load() {
        if (exchange.findClient(WATER, "防汛信息平台").isEmpty()) {
            var key = exchange.createClient(new NewApiClient(
                    WATER,
                    "防汛信息平台",
                    Set.of(SharedResource.EVENTS, SharedResource.WARNINGS, SharedResource.TEAMS),
                    List.of("340100000000"),
                    600));
            exchange.subscribe(new NewSubscription(
                    key.clientId(),
                    "水务局预警接收",
                    receiver,
                    "demo-webhook-secret-change-me",
                    Set.of(WebhookEvent.WARNING_ISSUED, WebhookEvent.EVENT_GRADED),
                    List.of()));
            LOG.info("DEMO ONLY — open-API key of {} (not a secret, demo data): {}", WATER, key.key());
        }
        if (exchange.findClient(YAOHAI, "区级数据同步").isEmpty()) {
            exchange.createClient(
                    new NewApiClient(YAOHAI, "区级数据同步", Set.of(SharedResource.values()), List.of("340102000000"), 300));
            LOG.info("Demo exchange: API client of {} created (key not logged)", YAOHAI);
        }
    }
}
