package cn.yingji.callout.internal;

import cn.yingji.shared.db.AfterTransaction;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Tells open reach boards that their campaign changed (after commit). The message carries no data: the page
 * fetches the board again with its own jurisdiction. Reaches boards connected to this node; boards also refresh
 * every few seconds, which covers changes made on other nodes.
 */
@Component
class CampaignStream {

    private final Map<UUID, List<SseEmitter>> byCampaign = new ConcurrentHashMap<>();

    SseEmitter open(UUID campaign) {
        SseEmitter emitter = new SseEmitter(Duration.ofMinutes(30).toMillis());
        List<SseEmitter> list = byCampaign.computeIfAbsent(campaign, k -> new CopyOnWriteArrayList<>());
        list.add(emitter);
        emitter.onCompletion(() -> list.remove(emitter));
        emitter.onTimeout(() -> list.remove(emitter));
        emitter.onError(e -> list.remove(emitter));
        send(list, emitter, "hello");
        return emitter;
    }

    void changed(UUID campaign) {
        if (!byCampaign.containsKey(campaign)) {
            return;
        }
        AfterTransaction.commitOrNow(() -> broadcast(campaign));
    }

    private void broadcast(UUID campaign) {
        List<SseEmitter> list = byCampaign.get(campaign);
        if (list != null) {
            for (SseEmitter e : list) {
                send(list, e, "changed");
            }
        }
    }

    @Scheduled(fixedDelayString = "${yingji.callout.heartbeat:25s}")
    void heartbeat() {
        byCampaign.forEach((id, list) -> list.forEach(e -> send(list, e, "heartbeat")));
    }

    private static void send(List<SseEmitter> list, SseEmitter e, String kind) {
        try {
            e.send(SseEmitter.event().name("campaign").data(kind));
        } catch (IOException | IllegalStateException ex) {
            list.remove(e);
        }
    }

    /**
     * Ends every open stream when the application stops: the web server's graceful shutdown waits for running
     * requests, and a stream never ends by itself, so without this every stop waited out the whole grace period.
     */
    @org.springframework.context.event.EventListener(org.springframework.context.event.ContextClosedEvent.class)
    void completeAll() {
        byCampaign.values().forEach(list -> list.forEach(CampaignStream::completeQuietly));
    }

    private static void completeQuietly(SseEmitter e) {
        try {
            e.complete();
        } catch (RuntimeException ignored) {
            // already completed or its connection is gone
        }
    }
}
