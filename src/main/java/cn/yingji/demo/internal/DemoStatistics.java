package cn.yingji.demo.internal;

import cn.yingji.geo.Division;
import cn.yingji.geo.Divisions;
import cn.yingji.stats.HistoricalFigures;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Demo statistics: five years of production-safety figures per district from before the platform (as a bureau
 * would import them), falling overall with one year where deaths rise, so the dashboard shows 双下降 and its runs.
 */
@Component
class DemoStatistics {

    private static final Logger LOG = LoggerFactory.getLogger(DemoStatistics.class);
    // per-year factors (oldest first): accidents and deaths; year 3 has fewer accidents but more deaths
    private static final int[][] SHAPE = {{30, 22}, {27, 19}, {24, 21}, {21, 16}, {19, 13}};

    private final HistoricalFigures history;
    private final Divisions divisions;
    private final boolean enabled;

    DemoStatistics(
            HistoricalFigures history, Divisions divisions, @Value("${yingji.demo.enabled:false}") boolean enabled) {
        this.history = history;
        this.divisions = divisions;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(60)
    void onReady() {
        if (!enabled) {
            return;
        }
        try {
            SecurityContextHolder.clearContext();
            int thisYear = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
            int first = thisYear - SHAPE.length;
            if (history.hasYear(first)) {
                return;
            }
            List<Division> districts =
                    divisions.root().map(r -> divisions.children(r.code())).orElse(List.of());
            int n = 0;
            for (int d = 0; d < districts.size(); d++) {
                for (int y = 0; y < SHAPE.length; y++) {
                    int accidents = SHAPE[y][0] + (d * 3) % 7;
                    int deaths = SHAPE[y][1] + (d * 5) % 6;
                    history.record(first + y, districts.get(d).code().value(), accidents, deaths, 0);
                    n++;
                }
            }
            LOG.info("Demo city: {} historical statistics rows", n);
        } catch (RuntimeException e) {
            LOG.warn("Demo statistics not loaded", e);
        }
    }
}
