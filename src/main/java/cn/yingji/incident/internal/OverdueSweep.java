package cn.yingji.incident.internal;

import cn.yingji.incident.IncidentManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Flags overdue reporting obligations (迟报) every {@code yingji.incident.overdue-sweep-interval} (30 s by default).
 * Safe with several nodes: the flagging UPDATE only takes rows not yet flagged, so each obligation is flagged and
 * announced once.
 */
@Component
class OverdueSweep {

    private static final Logger LOG = LoggerFactory.getLogger(OverdueSweep.class);

    private final IncidentManagement management;
    private final IncidentClock clock;
    private final boolean enabled;

    OverdueSweep(
            IncidentManagement management,
            IncidentClock clock,
            @Value("${yingji.incident.overdue-sweep-enabled:true}") boolean enabled) {
        this.management = management;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Scheduled(
            initialDelayString = "${yingji.incident.overdue-sweep-interval:PT30S}",
            fixedDelayString = "${yingji.incident.overdue-sweep-interval:PT30S}")
    void sweep() {
        if (!enabled) {
            return;
        }
        try {
            int n = management.flagOverdue(clock.now());
            if (n > 0) {
                LOG.info("Flagged {} overdue reporting obligations", n);
            }
        } catch (RuntimeException e) {
            LOG.warn("Overdue sweep failed; retrying at the next run", e);
        }
    }
}
