package cn.yingji.command.internal;

import cn.yingji.command.CommandManagement;
import cn.yingji.incident.IncidentGraded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Background work: overdue tasks escalate to their assigners; headquarters follow the event's grade. */
@Component
class CommandJobs {

    private static final Logger LOG = LoggerFactory.getLogger(CommandJobs.class);

    private final CommandManagement management;
    private final CommandService service;
    private final CommandSupport.CommandClock clock;

    CommandJobs(CommandManagement management, CommandService service, CommandSupport.CommandClock clock) {
        this.management = management;
        this.service = service;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${yingji.command.escalation-sweep:30s}",
            initialDelayString = "${yingji.command.escalation-sweep:30s}")
    void escalate() {
        int n = management.escalateOverdue(clock.now());
        if (n > 0) {
            LOG.info("Escalated {} overdue task(s) to their assigners", n);
        }
    }

    /**
     * Runs inside the grading transaction (a plain listener, like the command centre's), so the lead level changes
     * with the grade or not at all.
     */
    /** A dispatched team gets its task in the same transaction as the dispatch, so both happen or neither. */
    @EventListener
    void on(cn.yingji.resource.TeamDispatched event) {
        service.taskFromDispatch(event);
    }

    @EventListener
    void on(IncidentGraded event) {
        if (event.oldGrade() != event.newGrade()) {
            service.followGrade(event.id());
        }
    }
}
