package cn.yingji.notify.internal;

import cn.yingji.directory.PersonId;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live push of in-app messages to the pages a person has open (SSE). The message itself stays in the inbox; the
 * push only carries the subject and the answer link, and reaches screens connected to this node.
 */
@Component
class InAppStream {

    private final Map<UUID, List<SseEmitter>> byPerson = new ConcurrentHashMap<>();

    SseEmitter open(UUID person) {
        SseEmitter emitter = new SseEmitter(Duration.ofMinutes(30).toMillis());
        List<SseEmitter> list = byPerson.computeIfAbsent(person, k -> new CopyOnWriteArrayList<>());
        list.add(emitter);
        emitter.onCompletion(() -> list.remove(emitter));
        emitter.onTimeout(() -> list.remove(emitter));
        emitter.onError(e -> list.remove(emitter));
        return emitter;
    }

    void push(PersonId person, String subject, @Nullable String link) {
        List<SseEmitter> list = byPerson.get(person.value());
        if (list == null) {
            return;
        }
        String data = subject + (link == null ? "" : "\n" + link);
        for (SseEmitter e : list) {
            try {
                e.send(SseEmitter.event().name("notice").data(data));
            } catch (IOException | IllegalStateException ex) {
                list.remove(e);
            }
        }
    }

    @Scheduled(fixedDelayString = "${yingji.notify.heartbeat:25s}")
    void heartbeat() {
        for (List<SseEmitter> list : byPerson.values()) {
            for (SseEmitter e : list) {
                try {
                    e.send(SseEmitter.event().comment("hb"));
                } catch (IOException | IllegalStateException ex) {
                    list.remove(e);
                }
            }
        }
    }

    /**
     * Ends every open stream when the application stops: the web server's graceful shutdown waits for running
     * requests, and a stream never ends by itself, so without this every stop waited out the whole grace period.
     */
    @org.springframework.context.event.EventListener(org.springframework.context.event.ContextClosedEvent.class)
    void completeAll() {
        byPerson.values().forEach(list -> list.forEach(InAppStream::completeQuietly));
    }

    private static void completeQuietly(SseEmitter e) {
        try {
            e.complete();
        } catch (RuntimeException ignored) {
            // already completed or its connection is gone
        }
    }
}
