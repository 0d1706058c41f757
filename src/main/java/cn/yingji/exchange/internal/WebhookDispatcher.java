package cn.yingji.exchange.internal;

import cn.yingji.exchange.WebhookSignature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers queued webhooks. Due deliveries are claimed under a lease with {@code FOR UPDATE SKIP LOCKED} (so several
 * nodes or threads never send the same delivery at once), sent in parallel on virtual threads outside any
 * transaction, and then marked delivered, rescheduled with exponential backoff ({@code base × 2^(attempt-1)}, capped),
 * or moved to the dead-letter list after the last attempt. Every attempt is logged.
 */
@Component
class WebhookDispatcher implements cn.yingji.exchange.Webhooks {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    static final int LEASE_SECONDS = 120;

    private final JdbcExchangeStore store;
    private final HttpClient http;
    private final int maxAttempts;
    private final Duration backoffBase;
    private final Duration backoffMax;
    private final int batch;
    private final boolean enabled;

    WebhookDispatcher(
            JdbcExchangeStore store,
            @Value("${yingji.exchange.webhook.max-attempts:6}") int maxAttempts,
            @Value("${yingji.exchange.webhook.backoff-base:30s}") Duration backoffBase,
            @Value("${yingji.exchange.webhook.backoff-max:6h}") Duration backoffMax,
            @Value("${yingji.exchange.webhook.batch:50}") int batch,
            @Value("${yingji.exchange.webhook.timeout:10s}") Duration timeout,
            @Value("${yingji.exchange.webhook.enabled:true}") boolean enabled) {
        this.store = store;
        this.maxAttempts = maxAttempts;
        this.backoffBase = backoffBase;
        this.backoffMax = backoffMax;
        this.batch = batch;
        this.enabled = enabled;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.timeout = timeout;
    }

    private final Duration timeout;

    @Scheduled(
            fixedDelayString = "${yingji.exchange.webhook.poll-interval:2s}",
            initialDelayString = "${yingji.exchange.webhook.poll-interval:2s}")
    void scheduled() {
        if (!enabled) {
            return;
        }
        try {
            int n;
            do {
                n = deliverDue(Instant.now());
            } while (n == batch);
        } catch (RuntimeException e) {
            log.warn("Webhook dispatch failed: {}", e.toString());
        }
    }

    @Override
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * Claims and sends the deliveries due at {@code now}.
     *
     * @return how many were claimed
     */
    @Override
    public int deliverDue(Instant now) {
        List<JdbcExchangeStore.Claimed> claimed = store.claimDue(now, batch, LEASE_SECONDS);
        if (claimed.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<Outcome>> sends = new ArrayList<>();
        for (var c : claimed) {
            sends.add(send(c));
        }
        for (int i = 0; i < claimed.size(); i++) {
            record(claimed.get(i), sends.get(i).join(), now);
        }
        return claimed.size();
    }

    /** The result of one attempt. */
    record Outcome(@Nullable Integer status, @Nullable String error, long millis) {
        boolean ok() {
            return status != null && status >= 200 && status < 300;
        }
    }

    /** Sends asynchronously, so a batch goes out in parallel without a thread per request. */
    private CompletableFuture<Outcome> send(JdbcExchangeStore.Claimed c) {
        if (!c.active()) {
            return CompletableFuture.completedFuture(new Outcome(null, "subscription inactive", 0));
        }
        long start = System.nanoTime();
        try {
            byte[] body = c.payload().getBytes(StandardCharsets.UTF_8);
            long ts = Instant.now().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(URI.create(c.url()))
                    .timeout(timeout)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "Yingji-Webhooks/1")
                    .header(WebhookSignature.DELIVERY_HEADER, c.id().toString())
                    .header(WebhookSignature.EVENT_HEADER, c.eventType())
                    .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(ts))
                    .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(c.secret(), ts, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .handle((res, ex) -> ex == null
                            ? new Outcome(
                                    res.statusCode(),
                                    res.statusCode() >= 200 && res.statusCode() < 300
                                            ? null
                                            : "HTTP " + res.statusCode(),
                                    millis(start))
                            : new Outcome(null, describe(ex), millis(start)));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(new Outcome(null, describe(e), millis(start)));
        }
    }

    private void record(JdbcExchangeStore.Claimed c, Outcome o, Instant now) {
        int attempt = c.attempts() + 1;
        store.recordAttempt(c.id(), attempt, o.status(), o.error(), o.millis());
        if (o.ok()) {
            store.delivered(c.id(), attempt, o.status());
        } else {
            store.failed(c.id(), attempt, o.status(), o.error(), c.active() ? nextAttempt(attempt, now) : null);
        }
    }

    private static String describe(Throwable e) {
        Throwable t = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    /** When to try again after {@code attempt} failed attempts, or null when the delivery is dead. */
    @Nullable
    Instant nextAttempt(int attempt, Instant now) {
        if (attempt >= maxAttempts) {
            return null;
        }
        Duration wait = backoffBase.multipliedBy(1L << Math.min(20, attempt - 1));
        if (wait.compareTo(backoffMax) > 0) {
            wait = backoffMax;
        }
        return now.plus(wait);
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
