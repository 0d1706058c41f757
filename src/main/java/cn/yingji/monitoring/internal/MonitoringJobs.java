package cn.yingji.monitoring.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Timers: partition upkeep, the offline sweep, and polling the configured CAP feed. */
@Component
class MonitoringJobs {

    private static final Logger LOG = LoggerFactory.getLogger(MonitoringJobs.class);
    private static final Pattern CAP_LINK = Pattern.compile("href=\"([^\"]+)\"");

    private final ReadingWriter writer;
    private final IngestService ingest;
    private final MonitoringProperties props;
    private final WarningService warnings;
    private final Clock clock = Clock.systemUTC();
    private volatile long lastFeedPoll;

    MonitoringJobs(ReadingWriter writer, IngestService ingest, MonitoringProperties props, WarningService warnings) {
        this.writer = writer;
        this.ingest = ingest;
        this.props = props;
        this.warnings = warnings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        writer.maintainPartitions(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    }

    @Scheduled(cron = "0 5 0 * * *", zone = "UTC")
    void daily() {
        writer.maintainPartitions(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    }

    @Scheduled(fixedDelayString = "${yingji.monitoring.sweep-every:PT10S}", initialDelayString = "PT30S")
    void sweep() {
        if (props.isSweepEnabled()) {
            int n = ingest.sweepOffline();
            if (n > 0) {
                LOG.info("{} sensors went offline", n);
            }
        }
    }

    @Scheduled(fixedDelay = 30_000, initialDelay = 60_000)
    void pollFeed() {
        String url = props.getCapFeedUrl();
        if (url == null || url.isBlank()) {
            return;
        }
        long now = System.currentTimeMillis();
        if (now - lastFeedPoll < props.getCapFeedInterval().toMillis()) {
            return;
        }
        lastFeedPoll = now;
        try {
            pollOnce(url);
        } catch (Exception e) {
            LOG.warn("CAP feed {} not polled: {}", url, e.getMessage());
        }
    }

    /** Fetches a feed (Atom with CAP links, or a single CAP document) and imports what is new. */
    int pollOnce(String url) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        byte[] body = fetch(http, url);
        String head = new String(body, 0, Math.min(body.length, 2048), java.nio.charset.StandardCharsets.UTF_8);
        List<byte[]> docs = new ArrayList<>();
        if (head.contains("http://www.w3.org/2005/Atom")) {
            Matcher m = CAP_LINK.matcher(new String(body, java.nio.charset.StandardCharsets.UTF_8));
            while (m.find()) {
                String href = m.group(1).replace("&amp;", "&");
                if (href.endsWith(".atom")) {
                    continue;
                }
                docs.add(fetch(http, URI.create(url).resolve(href).toString()));
            }
        } else {
            docs.add(body);
        }
        int imported = 0;
        for (byte[] d : docs) {
            try {
                warnings.importCap(d);
                imported++;
            } catch (RuntimeException e) {
                LOG.debug("feed item skipped: {}", e.getMessage());
            }
        }
        return imported;
    }

    private byte[] fetch(HttpClient http, String url) throws Exception {
        HttpResponse<byte[]> r = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + r.statusCode());
        }
        if (r.body().length > props.getCapMaxBytes() * 20L) {
            throw new IllegalStateException("feed too large");
        }
        return r.body();
    }
}
