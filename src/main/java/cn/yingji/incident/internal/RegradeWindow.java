package cn.yingji.incident.internal;

import java.time.Instant;
import java.time.ZoneId;

/**
 * The 补报 window of Decree 493 Art. 13 / Art. 20 ("自事故发生之日起30日内", 7 days for road traffic and fire).
 * Periods counted in days start on the day after the event (民法典 Art. 201) and end at the end of the last day, in
 * Asia/Shanghai wall-clock time: an accident on 1 March re-grades on updates up to 31 March 24:00 (30 days).
 */
final class RegradeWindow {

    private RegradeWindow() {}

    /** The first instant after the window. */
    static Instant end(Instant occurredAt, int days, ZoneId zone) {
        return occurredAt
                .atZone(zone)
                .toLocalDate()
                .plusDays(days + 1L)
                .atStartOfDay(zone)
                .toInstant();
    }

    static boolean inside(Instant occurredAt, int days, Instant at, ZoneId zone) {
        return at.isBefore(end(occurredAt, days, zone));
    }
}
