package cn.yingji.centre.internal;

import cn.yingji.incident.CasualtiesUpdated;
import cn.yingji.incident.IncidentGraded;
import cn.yingji.incident.IncidentReportFiled;
import cn.yingji.incident.IncidentReported;
import cn.yingji.incident.ReportingOverdue;
import cn.yingji.shared.db.AfterTransaction;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Tells every open command-centre screen that the situation changed. The message carries no data, only the kind
 * of change: each browser then fetches the situation again with its own jurisdiction, so nothing foreign can
 * leak through the stream.
 *
 * <p>This fan-out reaches the screens connected to this node; with several nodes a change made on another node
 * is picked up by the screens' periodic refresh (and later by PostgreSQL LISTEN/NOTIFY).
 */
@Component
class SituationStream {

    private static final Logger LOG = LoggerFactory.getLogger(SituationStream.class);
    static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();

    SseEmitter open() {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        emitters.add(emitter);
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(() -> emitters.remove(emitter));
        emitter.onError(e -> emitters.remove(emitter));
        send(emitter, "hello");
        return emitter;
    }

    int listeners() {
        return emitters.size();
    }

    @EventListener
    void on(IncidentReported event) {
        afterCommit("incident-reported");
    }

    @EventListener
    void on(IncidentGraded event) {
        afterCommit("incident-graded");
    }

    @EventListener
    void on(CasualtiesUpdated event) {
        afterCommit("casualties-updated");
    }

    @EventListener
    void on(IncidentReportFiled event) {
        afterCommit("report-filed");
    }

    @EventListener
    void on(ReportingOverdue event) {
        afterCommit("reporting-overdue");
    }

    @EventListener
    void on(cn.yingji.command.ResponseChanged event) {
        afterCommit("response-changed");
    }

    @EventListener
    void on(cn.yingji.command.TaskChanged event) {
        afterCommit("task-changed");
    }

    @EventListener
    void on(cn.yingji.resource.TeamStatusChanged event) {
        afterCommit("team-status");
    }

    /**
     * Broadcasts once the publishing transaction has committed, so a screen never fetches a state that was rolled
     * back. Deliberately not a {@code @TransactionalEventListener}: Spring Modulith would track those in its
     * publication registry, and marking them complete needs a second connection while the writer still holds its
     * own — under load that exhausts the pool. A lost push is harmless (screens also refresh every minute).
     */
    private void afterCommit(String kind) {
        AfterTransaction.commitOrNow(() -> broadcast(kind));
    }

    /** Keeps idle connections open through proxies that cut silent ones. */
    @Scheduled(fixedDelayString = "${yingji.centre.heartbeat:25s}")
    void heartbeat() {
        broadcast("heartbeat");
    }

    void broadcast(String kind) {
        for (SseEmitter emitter : emitters) {
            send(emitter, kind);
        }
    }

    private void send(SseEmitter emitter, String kind) {
        try {
            emitter.send(SseEmitter.event().name("situation").data(kind));
        } catch (IOException | IllegalStateException e) {
            LOG.debug("Dropping a closed command-centre stream", e);
            emitters.remove(emitter);
        }
    }

    /**
     * Ends every open stream when the application stops: the web server's graceful shutdown waits for running
     * requests, and a stream never ends by itself, so without this every stop waited out the whole grace period.
     */
    @org.springframework.context.event.EventListener(org.springframework.context.event.ContextClosedEvent.class)
    void completeAll() {
        for (SseEmitter e : emitters) {
            try {
                e.complete();
            } catch (RuntimeException ignored) {
                // already completed or its connection is gone
            }
        }
    }
}
