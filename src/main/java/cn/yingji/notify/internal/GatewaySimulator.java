package cn.yingji.notify.internal;

import cn.yingji.notify.Channel;
import cn.yingji.notify.GatewayCallbacks;
import cn.yingji.notify.NotificationId;
import cn.yingji.notify.SmsVoiceGateway;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The built-in SMS and voice gateway for the demo and tests: after {@code delivery-delay} it reports the message
 * delivered (or failed, with probability {@code failure-rate}); with probability {@code reply-rate} it then replies
 * {@code reply-text} after {@code reply-delay} (an SMS reply, or the keypad digit pressed in a voice call). A
 * number can be scripted to fail or to reply something else (tests, demo). With zero delays everything is reported
 * at once, on the dispatching thread.
 */
@Component
@ConditionalOnProperty(name = "yingji.notify.gateway", havingValue = "simulator", matchIfMissing = true)
class GatewaySimulator implements SmsVoiceGateway {

    private static final Logger LOG = LoggerFactory.getLogger(GatewaySimulator.class);

    /** What the simulated phone at one number does. */
    record Script(boolean fail, @Nullable String reply) {}

    private final ObjectProvider<GatewayCallbacks> callbacks;
    private final Duration deliveryDelay;
    private final Duration replyDelay;
    private final double failureRate;
    private final double replyRate;
    private final String replyText;
    private final Map<String, Script> scripts = new ConcurrentHashMap<>();
    private final AtomicLong submitted = new AtomicLong();
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "sms-simulator");
        t.setDaemon(true);
        return t;
    });

    GatewaySimulator(
            ObjectProvider<GatewayCallbacks> callbacks,
            @Value("${yingji.notify.simulator.delivery-delay:PT1S}") Duration deliveryDelay,
            @Value("${yingji.notify.simulator.reply-delay:PT5S}") Duration replyDelay,
            @Value("${yingji.notify.simulator.failure-rate:0.0}") double failureRate,
            @Value("${yingji.notify.simulator.reply-rate:0.0}") double replyRate,
            @Value("${yingji.notify.simulator.reply-text:1}") String replyText) {
        this.callbacks = callbacks;
        this.deliveryDelay = deliveryDelay;
        this.replyDelay = replyDelay;
        this.failureRate = failureRate;
        this.replyRate = replyRate;
        this.replyText = replyText;
    }

    /** Scripts the phone at {@code address}; null clears the script. */
    void script(String address, @Nullable Script script) {
        if (script == null) {
            scripts.remove(address);
        } else {
            scripts.put(address, script);
        }
    }

    long submitted() {
        return submitted.get();
    }

    @Override
    public void submit(GatewayMessage message) {
        submitted.incrementAndGet();
        Script script = scripts.get(message.address());
        boolean fail = script != null
                ? script.fail()
                : failureRate > 0 && ThreadLocalRandom.current().nextDouble() < failureRate;
        String reply = script != null
                ? script.reply()
                : replyRate > 0 && ThreadLocalRandom.current().nextDouble() < replyRate ? replyText : null;
        later(deliveryDelay, () -> {
            callbacks.getObject().receipt(message.id(), !fail, fail ? failReason(message.channel()) : null);
            if (!fail && reply != null) {
                later(replyDelay, () -> callbacks.getObject().reply(message.id(), reply, null));
            }
        });
    }

    private static String failReason(Channel channel) {
        return channel == Channel.VOICE ? "no-answer" : "undeliverable";
    }

    private void later(Duration delay, Runnable r) {
        Runnable safe = () -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.warn("Simulated gateway callback failed", e);
            }
        };
        if (delay.isZero() || delay.isNegative()) {
            safe.run();
        } else {
            timer.schedule(safe, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** For tests: reply to an attempt now as if the phone did. */
    void replyNow(NotificationId id, String text) {
        callbacks.getObject().reply(id, text, null);
    }
}
