package cn.yingji.notify.internal;

import cn.yingji.notify.Channel;
import cn.yingji.notify.SmsVoiceGateway;
import cn.yingji.notify.SmsVoiceGateway.GatewayMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Hands stored attempts to their channels: in-app (inbox + live push), e-mail (SMTP), SMS and voice (gateway). Runs
 * on a background thread unless {@code yingji.notify.synchronous} is set (tests), so a sender's commit never waits
 * for a channel.
 */
@Component
class ChannelDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelDispatcher.class);

    private final ObjectProvider<NotifyService> service;
    private final SmsVoiceGateway gateway;
    private final MailChannel mail;
    private final InAppStream inApp;
    private final boolean synchronous;
    private final ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "notify-dispatch");
        t.setDaemon(true);
        return t;
    });

    ChannelDispatcher(
            ObjectProvider<NotifyService> service,
            SmsVoiceGateway gateway,
            MailChannel mail,
            InAppStream inApp,
            @Value("${yingji.notify.synchronous:false}") boolean synchronous) {
        this.service = service;
        this.gateway = gateway;
        this.mail = mail;
        this.inApp = inApp;
        this.synchronous = synchronous;
    }

    /** Chunks dispatched in parallel (address lookups are the slow part of a large fan-out). */
    static final int CHUNK = 1000;

    void dispatch(List<NotifyService.Attempt> attempts) {
        // Always on other threads: called after a commit, this thread still holds the committed transaction's
        // connection, and writes made here would join it and never commit.
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (int from = 0; from < attempts.size(); from += CHUNK) {
            List<NotifyService.Attempt> chunk = attempts.subList(from, Math.min(attempts.size(), from + CHUNK));
            futures.add(executor.submit(() -> run(chunk)));
        }
        if (synchronous) {
            for (var future : futures) {
                try {
                    future.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (java.util.concurrent.ExecutionException e) {
                    LOG.warn("Dispatch failed", e.getCause());
                }
            }
        }
    }

    private void run(List<NotifyService.Attempt> stored) {
        NotifyService notify = service.getObject();
        List<NotifyService.Attempt> attempts;
        try {
            attempts = notify.withAddresses(stored);
            notify.markSent(attempts.stream().filter(a -> a.address() != null).toList());
        } catch (RuntimeException e) {
            LOG.warn("Could not prepare {} attempts", stored.size(), e);
            return;
        }
        for (NotifyService.Attempt a : attempts) {
            try {
                if (a.address() == null) {
                    notify.receipt(a.id(), false, "no-address");
                    continue;
                }
                switch (a.channel()) {
                    case IN_APP -> {
                        inApp.push(a.person(), a.subject(), a.link());
                        notify.receipt(a.id(), true, null);
                    }
                    case EMAIL -> {
                        String error = mail.send(a.address(), a.subject(), text(a));
                        notify.receipt(a.id(), error == null, error);
                    }
                    case SMS, VOICE -> gateway.submit(new GatewayMessage(a.id(), a.channel(), a.address(), text(a)));
                }
            } catch (RuntimeException e) {
                LOG.info("Channel {} refused attempt {}: {}", a.channel(), a.id(), e.toString());
                try {
                    notify.receipt(a.id(), false, "refused: " + e.getClass().getSimpleName());
                } catch (RuntimeException again) {
                    LOG.warn("Could not store the failure of {}", a.id(), again);
                }
            }
        }
    }

    private static String text(NotifyService.Attempt a) {
        String t = a.body();
        if (a.link() != null && a.channel() != Channel.VOICE) {
            t = t + "\n" + a.link();
        }
        return t;
    }
}
