package cn.yingji.grassroots.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Formatting helpers for the grassroots templates ({@code @grassrootsView}). */
@Component("grassrootsView")
class GrassrootsView {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final ZoneId zone;

    GrassrootsView(@Value("${yingji.zone:Asia/Shanghai}") String zone) {
        this.zone = ZoneId.of(zone);
    }

    public String time(@Nullable Instant at) {
        return at == null ? "" : TIME.format(at.atZone(zone));
    }

    public String date(@Nullable Instant at) {
        return at == null ? "" : DATE.format(at.atZone(zone));
    }
}
