package cn.yingji.callout.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Fires due 叫应 timers on every node every {@code yingji.callout.timer-interval}; the claim in {@link
 * CampaignEngine#fireDue} makes each fire on exactly one node. Disabled with {@code yingji.callout.timer-enabled}
 * (tests drive the timers with a fixed clock).
 */
@Component
class DueTimerPoller {

    private static final Logger LOG = LoggerFactory.getLogger(DueTimerPoller.class);
    static final int BATCH = 200;

    private final CampaignEngine engine;
    private final boolean enabled;

    DueTimerPoller(CampaignEngine engine, @Value("${yingji.callout.timer-enabled:true}") boolean enabled) {
        this.engine = engine;
        this.enabled = enabled;
    }

    @Scheduled(fixedDelayString = "${yingji.callout.timer-interval:PT0.5S}", initialDelayString = "PT5S")
    void poll() {
        if (!enabled) {
            return;
        }
        try {
            int n;
            int rounds = 0;
            do {
                n = engine.fireDue(BATCH);
            } while (n == BATCH && ++rounds < 50);
        } catch (RuntimeException e) {
            LOG.warn("Firing 叫应 timers failed; they stay pending for the next run", e);
        }
    }
}
