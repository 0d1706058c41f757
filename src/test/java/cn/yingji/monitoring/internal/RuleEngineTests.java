package cn.yingji.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yingji.monitoring.Direction;
import cn.yingji.monitoring.WarningLevel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Threshold, hysteresis, duration, rate-of-change, late-reading and offline semantics of the rule engine. */
class RuleEngineTests {

    static final Instant T0 = Instant.parse("2026-11-29T02:00:00Z");

    record Fired(String kind, @Nullable WarningLevel level, double value) {}

    final List<Fired> fired = new ArrayList<>();

    static SensorRule rule(
            Direction d,
            Double blue,
            Double yellow,
            Double orange,
            Double red,
            double h,
            @Nullable Double rate,
            int duration) {
        return new SensorRule(
                UUID.randomUUID(),
                "S1",
                UUID.randomUUID(),
                "/340100000000/",
                d,
                new Double[] {blue, yellow, orange, red},
                h,
                rate,
                duration,
                60,
                T0);
    }

    RuleEngine.Outcome feed(SensorRule r, SensorState s, int minute, double v) {
        return RuleEngine.evaluate(
                r, s, T0.plusSeconds(60L * minute), v, (k, l, val, at) -> fired.add(new Fired(k, l, val)));
    }

    @Test
    void crossingRaisesOneAlarmPerLevelEnteredAndNoneWhileHeld() {
        SensorRule r = rule(Direction.ABOVE, 10.0, 20.0, 30.0, 40.0, 0, null, 0);
        SensorState s = new SensorState(T0);
        assertThat(feed(r, s, 1, 5)).isEqualTo(RuleEngine.Outcome.UNCHANGED);
        feed(r, s, 2, 10); // reaches blue exactly: >= bound
        feed(r, s, 3, 15);
        feed(r, s, 4, 31); // jumps to orange
        feed(r, s, 5, 33);
        assertThat(fired)
                .containsExactly(
                        new Fired("THRESHOLD", WarningLevel.BLUE, 10), new Fired("THRESHOLD", WarningLevel.ORANGE, 31));
        assertThat(s.level).isEqualTo(WarningLevel.ORANGE);
        feed(r, s, 6, 12); // falls to blue: state change, no alarm
        assertThat(s.level).isEqualTo(WarningLevel.BLUE);
        assertThat(fired).hasSize(2);
        feed(r, s, 7, 25); // rises again to yellow: a new alarm
        assertThat(fired).last().isEqualTo(new Fired("THRESHOLD", WarningLevel.YELLOW, 25));
    }

    @Test
    void hysteresisKeepsAHoveringValueFromFlapping() {
        SensorRule r = rule(Direction.ABOVE, null, null, 30.0, null, 2, null, 0);
        SensorState s = new SensorState(T0);
        double[] hovering = {30.5, 29.5, 30.2, 28.5, 30.1, 29.9};
        for (int i = 0; i < hovering.length; i++) {
            feed(r, s, i + 1, hovering[i]);
        }
        assertThat(fired).containsExactly(new Fired("THRESHOLD", WarningLevel.ORANGE, 30.5));
        assertThat(s.level).isEqualTo(WarningLevel.ORANGE);
        feed(r, s, 10, 27.9); // below 30 - 2: released
        assertThat(s.level).isNull();
        feed(r, s, 11, 30.0);
        assertThat(fired).hasSize(2);
    }

    @Test
    void withoutHysteresisTheSameValuesFlap() {
        SensorRule r = rule(Direction.ABOVE, null, null, 30.0, null, 0, null, 0);
        SensorState s = new SensorState(T0);
        double[] hovering = {30.5, 29.5, 30.2, 28.5, 30.1, 29.9};
        for (int i = 0; i < hovering.length; i++) {
            feed(r, s, i + 1, hovering[i]);
        }
        assertThat(fired).hasSize(3);
    }

    @Test
    void durationEntersALevelOnlyAfterTheValueStayedPastItLongEnough() {
        SensorRule r = rule(Direction.ABOVE, null, 20.0, null, null, 0, null, 5);
        SensorState s = new SensorState(T0);
        feed(r, s, 0, 21);
        feed(r, s, 4, 22);
        assertThat(fired).isEmpty();
        feed(r, s, 5, 21); // 5 minutes past 20
        assertThat(fired).containsExactly(new Fired("THRESHOLD", WarningLevel.YELLOW, 21));
    }

    @Test
    void aDipResetsTheDuration() {
        SensorRule r = rule(Direction.ABOVE, null, 20.0, null, null, 0, null, 5);
        SensorState s = new SensorState(T0);
        feed(r, s, 0, 21);
        feed(r, s, 3, 19);
        feed(r, s, 4, 21);
        feed(r, s, 8, 21);
        assertThat(fired).isEmpty();
        feed(r, s, 9, 21);
        assertThat(fired).hasSize(1);
    }

    @Test
    void fallingThresholdsAlarmBelowTheirBounds() {
        SensorRule r = rule(Direction.BELOW, 0.5, 0.4, 0.3, 0.2, 0, null, 0);
        SensorState s = new SensorState(T0);
        feed(r, s, 1, 0.6);
        feed(r, s, 2, 0.25);
        assertThat(fired).containsExactly(new Fired("THRESHOLD", WarningLevel.ORANGE, 0.25));
    }

    @Test
    void rateOfChangeFiresOncePerExcursion() {
        SensorRule r = rule(Direction.ABOVE, null, null, null, 100.0, 0, 2.0, 0);
        SensorState s = new SensorState(T0);
        feed(r, s, 0, 10);
        feed(r, s, 1, 11); // 1/min
        feed(r, s, 2, 15); // 4/min
        feed(r, s, 3, 20); // 5/min, still high
        feed(r, s, 4, 21); // back under
        feed(r, s, 5, 30); // high again
        assertThat(fired).extracting(Fired::kind).containsExactly("RATE", "RATE");
    }

    @Test
    void lateAndDuplicateReadingsAreNotEvaluated() {
        SensorRule r = rule(Direction.ABOVE, 10.0, null, null, null, 0, null, 0);
        SensorState s = new SensorState(T0);
        feed(r, s, 5, 5);
        assertThat(feed(r, s, 3, 50)).isEqualTo(RuleEngine.Outcome.LATE);
        assertThat(feed(r, s, 5, 50)).isEqualTo(RuleEngine.Outcome.LATE);
        assertThat(fired).isEmpty();
        assertThat(s.level).isNull();
        assertThat(s.lastValue).isEqualTo(5);
    }

    @Test
    void silencePastTheIntervalRaisesOneOfflineAlarmAndAReadingClearsIt() {
        SensorRule r = rule(Direction.ABOVE, 10.0, null, null, null, 0, null, 0);
        SensorState s = new SensorState(T0);
        feed(r, s, 0, 1);
        s.reference = T0;
        assertThat(RuleEngine.offline(r, s, T0.plusSeconds(119), 2.0)).isFalse();
        assertThat(RuleEngine.offline(r, s, T0.plusSeconds(121), 2.0)).isTrue();
        assertThat(RuleEngine.offline(r, s, T0.plusSeconds(600), 2.0)).isFalse();
        assertThat(s.stateName()).isEqualTo("OFFLINE");
        assertThat(feed(r, s, 11, 1)).isEqualTo(RuleEngine.Outcome.CHANGED);
        assertThat(s.stateName()).isEqualTo("NORMAL");
    }
}
