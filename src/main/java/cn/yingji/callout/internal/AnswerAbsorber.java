package cn.yingji.callout.internal;

import cn.yingji.callout.internal.CampaignEngine.Action;
import cn.yingji.callout.internal.CampaignEngine.AnswerRequest;
import cn.yingji.callout.internal.CampaignEngine.CallRow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Absorbs answers set-based. The request thread checks the answer cheaply (link signature and expiry, location),
 * queues it and waits; {@code threads} absorber threads take what is queued, up to {@code batch} answers at a time,
 * and apply them in one transaction ({@link CampaignEngine#absorb}); each waiting caller gets its own outcome after
 * the commit — the call as answered, or the same refusal as a single answer (already answered, another person's call,
 * link used, campaign closed). So an acknowledged answer is durable, and a refused one changed nothing.
 *
 * <p>Should a batch fail as a whole (a deadlock with a timer firing, say), it is tried once more, then each of its
 * answers is applied on its own.
 */
@Component
class AnswerAbsorber implements InitializingBean, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(AnswerAbsorber.class);

    private record Pending(AnswerRequest request, CompletableFuture<CallRow> result) {}

    private final CampaignEngine engine;
    private final AnswerLinks links;
    private final CalloutClock clock;
    private final int batch;
    private final int threads;
    private final Duration wait;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running;

    AnswerAbsorber(
            CampaignEngine engine,
            AnswerLinks links,
            CalloutClock clock,
            @Value("${yingji.callout.absorber.batch:400}") int batch,
            @Value("${yingji.callout.absorber.threads:2}") int threads,
            @Value("${yingji.callout.absorber.wait:PT60S}") Duration wait) {
        this.engine = engine;
        this.links = links;
        this.clock = clock;
        this.batch = Math.max(1, batch);
        this.threads = Math.max(1, threads);
        this.wait = wait;
    }

    /** Answers a call (app button, SMS reply, voice keypad); waits until the answer is committed or refused. */
    CallRow answer(UUID call, Action action, @Nullable String location, @Nullable UUID expected, String via) {
        return await(submit(CampaignEngine.request(call, action, location, expected, via, false)));
    }

    /** Answers through a signed link (single use per action); waits until committed or refused. */
    CallRow answerByLink(String token, Action action, @Nullable String location) {
        UUID call = links.verify(token, clock.now());
        return await(submit(CampaignEngine.request(call, action, location, null, "LINK", true)));
    }

    /** Queues a checked answer; the future completes after its batch commits (or with the refusal). */
    CompletableFuture<CallRow> submit(AnswerRequest request) {
        CompletableFuture<CallRow> f = new CompletableFuture<>();
        if (!running) {
            apply(List.of(new Pending(request, f)));
            return f;
        }
        queue.add(new Pending(request, f));
        return f;
    }

    private CallRow await(CompletableFuture<CallRow> f) {
        try {
            return f.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the answer was being absorbed", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("answer not absorbed within " + wait, e);
        }
    }

    @Override
    public void afterPropertiesSet() {
        running = true;
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(this::loop, "callout-absorber-" + i);
            t.setDaemon(true);
            t.start();
            workers.add(t);
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        running = false;
        for (Thread t : workers) {
            t.join(5_000);
        }
        List<Pending> rest = new ArrayList<>();
        queue.drainTo(rest);
        if (!rest.isEmpty()) {
            apply(rest);
        }
    }

    private void loop() {
        List<Pending> taken = new ArrayList<>(batch);
        while (running) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                taken.add(first);
                queue.drainTo(taken, batch - 1);
                apply(taken);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("Answer absorber failed", e);
                for (Pending p : taken) {
                    p.result().completeExceptionally(e);
                }
            } finally {
                taken.clear();
            }
        }
    }

    private void apply(List<Pending> pending) {
        List<AnswerRequest> requests = pending.stream().map(Pending::request).toList();
        List<Object> results = null;
        for (int attempt = 0; attempt < 2 && results == null; attempt++) {
            try {
                results = engine.absorb(requests);
            } catch (RuntimeException e) {
                LOG.warn("A batch of {} answers failed (attempt {}): {}", requests.size(), attempt + 1, e.toString());
            }
        }
        if (results == null) {
            for (Pending p : pending) {
                try {
                    p.result().complete(engine.answerOne(p.request()));
                } catch (RuntimeException e) {
                    p.result().completeExceptionally(e);
                }
            }
            return;
        }
        for (int i = 0; i < pending.size(); i++) {
            Object r = results.get(i);
            if (r instanceof CallRow row) {
                pending.get(i).result().complete(row);
            } else {
                pending.get(i).result().completeExceptionally((Throwable) r);
            }
        }
    }
}
