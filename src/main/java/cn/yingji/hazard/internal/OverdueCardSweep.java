package cn.yingji.hazard.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Raises yellow and red cards on hazards under rectification every {@code yingji.hazard.sweep-interval}. Safe with
 * several nodes: each card is raised by an UPDATE that only takes rows without it, so it is announced once.
 */
@Component
class OverdueCardSweep {

    private static final Logger LOG = LoggerFactory.getLogger(OverdueCardSweep.class);

    private final HazardService service;
    private final boolean enabled;

    OverdueCardSweep(HazardService service, @Value("${yingji.hazard.sweep-enabled:true}") boolean enabled) {
        this.service = service;
        this.enabled = enabled;
    }

    @Scheduled(
            initialDelayString = "${yingji.hazard.sweep-interval:PT5M}",
            fixedDelayString = "${yingji.hazard.sweep-interval:PT5M}")
    void sweep() {
        if (!enabled) {
            return;
        }
        try {
            int n = service.sweep();
            if (n > 0) {
                LOG.info("Raised {} hazard cards", n);
            }
        } catch (RuntimeException e) {
            LOG.warn("Hazard card sweep failed; retrying at the next run", e);
        }
    }
}
