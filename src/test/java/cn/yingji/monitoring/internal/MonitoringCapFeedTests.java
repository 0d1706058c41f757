package cn.yingji.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yingji.support.YingjiTest;
import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The polled CAP feed ({@code yingji.monitoring.cap-feed-url}): a CAP document served by a JDK HttpServer on a free
 * port is imported by the scheduled poll once, and a second poll of the same document does not duplicate it.
 */
@YingjiTest
class MonitoringCapFeedTests {

    final MonitoringJobs jobs;
    final MonitoringProperties props;
    final JdbcClient jdbc;

    MonitoringCapFeedTests(MonitoringJobs jobs, MonitoringProperties props, JdbcClient jdbc) {
        this.jobs = jobs;
        this.props = props;
        this.jdbc = jdbc;
    }

    long warnings(String identifier) {
        return jdbc.sql("select count(*) from monitoring.warning where identifier = :i and external")
                .param("i", identifier)
                .query(Long.class)
                .single();
    }

    @Test
    void aPolledCapDocumentIsImportedOnceAndNotDuplicatedByTheNextPoll() throws Exception {
        String identifier = "FEED-" + UUID.randomUUID();
        byte[] cap;
        try (InputStream in = getClass().getResourceAsStream("/monitoring/cap/v1dot2_appendix_adot2.xml")) {
            cap = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("KSTO1055887203", identifier)
                    .getBytes(StandardCharsets.UTF_8);
        }
        AtomicInteger served = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/cap/current.xml", ex -> {
            served.incrementAndGet();
            ex.getResponseHeaders().add("Content-Type", "application/cap+xml");
            ex.sendResponseHeaders(200, cap.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(cap);
            }
        });
        server.start();
        String before = props.getCapFeedUrl();
        Duration interval = props.getCapFeedInterval();
        try {
            props.setCapFeedUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/cap/current.xml");
            props.setCapFeedInterval(Duration.ZERO);
            SecurityContextHolder.clearContext();
            assertThat(warnings(identifier)).isZero();

            jobs.pollFeed();
            // (the application's own timer may poll too while the URL is set; counts are compared, not fixed)
            int first = served.get();
            assertThat(first).isPositive();
            assertThat(warnings(identifier)).isEqualTo(1);

            jobs.pollFeed();
            assertThat(served.get())
                    .as("the second poll fetched the feed again")
                    .isGreaterThan(first);
            assertThat(warnings(identifier)).isEqualTo(1);
        } finally {
            props.setCapFeedUrl(before);
            props.setCapFeedInterval(interval);
            server.stop(0);
        }
    }
}
