package cn.yingji.monitoring.internal;

import cn.yingji.identity.Jurisdiction;
import cn.yingji.monitoring.AlarmRaised;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes committed alarms to the duty officers' pages (server-sent events), each only to subscribers whose view
 * jurisdiction covers the alarm. Also lets in-process listeners (tests, the benchmark) observe alarms.
 */
@Component
class AlarmHub {

    private record Subscriber(SseEmitter emitter, Jurisdiction jurisdiction) {}

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final Map<Object, Consumer<AlarmRaised>> listeners = new ConcurrentHashMap<>();

    SseEmitter subscribe(Jurisdiction jurisdiction) {
        SseEmitter emitter = new SseEmitter(0L);
        Subscriber s = new Subscriber(emitter, jurisdiction);
        subscribers.add(s);
        emitter.onCompletion(() -> subscribers.remove(s));
        emitter.onTimeout(() -> subscribers.remove(s));
        emitter.onError(e -> subscribers.remove(s));
        try {
            emitter.send(SseEmitter.event().name("hello").data("ok"));
        } catch (IOException e) {
            subscribers.remove(s);
        }
        return emitter;
    }

    /** Registers an in-process observer under {@code key}; {@link #unlisten} removes it. */
    void listen(Object key, Consumer<AlarmRaised> listener) {
        listeners.put(key, listener);
    }

    void unlisten(Object key) {
        listeners.remove(key);
    }

    void publish(List<AlarmRaised> alarms) {
        if (alarms.isEmpty()) {
            return;
        }
        for (AlarmRaised a : alarms) {
            listeners.values().forEach(l -> l.accept(a));
            for (Subscriber s : subscribers) {
                if (!s.jurisdiction().canView(a.divisionPath())) {
                    continue;
                }
                try {
                    s.emitter()
                            .send(SseEmitter.event()
                                    .name("alarm")
                                    .id(a.alarmId().toString())
                                    .data(Map.of(
                                            "id", a.alarmId().toString(),
                                            "sensor", a.sensorCode(),
                                            "kind", a.kind(),
                                            "level",
                                                    a.level() == null
                                                            ? ""
                                                            : a.level().name(),
                                            "value",
                                                    a.value() == null
                                                            ? ""
                                                            : a.value().toString(),
                                            "at", a.readingAt().toString())));
                } catch (IOException | IllegalStateException e) {
                    subscribers.remove(s);
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
        for (Subscriber s : subscribers) {
            try {
                s.emitter().complete();
            } catch (RuntimeException ignored) {
                // already completed or its connection is gone
            }
        }
    }
}
