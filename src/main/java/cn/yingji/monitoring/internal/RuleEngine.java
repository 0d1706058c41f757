package cn.yingji.monitoring.internal;

import cn.yingji.monitoring.Direction;
import cn.yingji.monitoring.WarningLevel;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates one reading against a sensor's rules, in memory. Pure apart from the state it is given; only state
 * changes come out as alarms.
 *
 * <ul>
 *   <li><b>Threshold</b>: the level is the highest whose bound the value reached ({@code >=} for rising,
 *       {@code <=} for falling thresholds).
 *   <li><b>Hysteresis</b>: a level already held is kept while the value stays within {@code hysteresis} of its
 *       bound, so a value hovering at a bound does not flap.
 *   <li><b>Duration</b>: a higher level is entered only when the value has been past its bound in every reading
 *       for at least {@code durationMinutes} (reading time, not wall time). Falling back is immediate.
 *   <li><b>Rate of change</b>: |Δvalue| per minute between consecutive readings above the limit raises one rate
 *       alarm until the rate is back under it.
 *   <li><b>Late or duplicate readings</b> (not after the last evaluated one) are stored but not evaluated, so an
 *       old state is never re-fired.
 * </ul>
 */
final class RuleEngine {

    private RuleEngine() {}

    /** What a reading did to a sensor's state. */
    enum Outcome {
        LATE,
        UNCHANGED,
        CHANGED
    }

    /** Receives alarms produced by an evaluation. */
    interface Sink {
        void alarm(String kind, @Nullable WarningLevel level, double value, Instant at);
    }

    static Outcome evaluate(SensorRule rule, SensorState s, Instant at, double value, Sink sink) {
        if (s.lastAt != null && !at.isAfter(s.lastAt)) {
            return Outcome.LATE;
        }
        boolean changed = false;
        if (s.offline) {
            s.offline = false;
            changed = true;
        }
        if (rule.ratePerMinute() != null && s.lastAt != null) {
            double minutes = Duration.between(s.lastAt, at).toMillis() / 60_000.0;
            boolean high = minutes > 0 && Math.abs(value - s.lastValue) / minutes > rule.ratePerMinute();
            if (high && !s.rateHigh) {
                sink.alarm("RATE", null, value, at);
                changed = true;
            } else if (!high && s.rateHigh) {
                changed = true;
            }
            s.rateHigh = high;
        }
        WarningLevel[] levels = WarningLevel.values();
        WarningLevel next = null;
        for (WarningLevel l : levels) {
            Double bound = rule.threshold(l);
            boolean past = bound != null
                    && (reached(rule.direction(), value, bound)
                            || (s.level != null
                                    && s.level.compareTo(l) >= 0
                                    && reached(rule.direction(), value, release(rule, bound))));
            if (past) {
                if (s.since[l.ordinal()] == null) {
                    s.since[l.ordinal()] = at;
                }
                boolean held = s.level != null && s.level.compareTo(l) >= 0;
                if (held
                        || rule.durationMinutes() == 0
                        || !Duration.between(s.since[l.ordinal()], at)
                                .minusMinutes(rule.durationMinutes())
                                .isNegative()) {
                    next = l;
                }
            } else {
                s.since[l.ordinal()] = null;
            }
        }
        if (next != s.level) {
            if (next != null && (s.level == null || next.compareTo(s.level) > 0)) {
                sink.alarm("THRESHOLD", next, value, at);
            }
            s.level = next;
            changed = true;
        }
        s.lastAt = at;
        s.lastValue = value;
        return changed ? Outcome.CHANGED : Outcome.UNCHANGED;
    }

    /** True when the sensor has been silent longer than its interval times {@code factor} and raises an alarm. */
    static boolean offline(SensorRule rule, SensorState s, Instant now, double factor) {
        if (s.offline) {
            return false;
        }
        Instant ref = s.lastAt != null && s.lastAt.isAfter(s.reference) ? s.lastAt : s.reference;
        long silentMs = Duration.between(ref, now).toMillis();
        if (silentMs > rule.intervalSeconds() * 1000L * factor) {
            s.offline = true;
            return true;
        }
        return false;
    }

    private static boolean reached(Direction d, double value, double bound) {
        return d == Direction.ABOVE ? value >= bound : value <= bound;
    }

    /** The bound a held level is released at: moved back by the hysteresis. */
    private static double release(SensorRule rule, double bound) {
        return rule.direction() == Direction.ABOVE ? bound - rule.hysteresis() : bound + rule.hysteresis();
    }
}
