package cn.yingji.incident.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yingji.incident.Casualties;
import cn.yingji.incident.Grade;
import cn.yingji.incident.GradingDimension;
import cn.yingji.support.YingjiTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.test.context.TestConstructor;

/**
 * Grading at every boundary of Decree 493 Art. 3 and 森林防火条例 Art. 40, against the thresholds seeded in the
 * database (so the data, not a constant, is what is tested). "以上" includes the bound, "以下" excludes it.
 */
@YingjiTest
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class GradingTests {

    private final JdbcIncidentStore store;

    GradingTests(JdbcIncidentStore store) {
        this.store = store;
    }

    private static Casualties deaths(int d) {
        return new Casualties(d, 0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    private static Casualties injured(int i) {
        return new Casualties(0, 0, i, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    private static Casualties loss(String yuan) {
        return new Casualties(0, 0, 0, 0, 0, new BigDecimal(yuan), BigDecimal.ZERO);
    }

    private static Casualties area(String ha) {
        return new Casualties(0, 0, 0, 0, 0, BigDecimal.ZERO, new BigDecimal(ha));
    }

    private GradingScheme decree493() {
        return store.scheme("DECREE_493").orElseThrow();
    }

    @ParameterizedTest(name = "{0} deaths → {1}")
    @CsvSource({
        "0, GENERAL",
        "2, GENERAL",
        "3, LARGER",
        "9, LARGER",
        "10, MAJOR",
        "29, MAJOR",
        "30, EXTRAORDINARY",
        "31, EXTRAORDINARY"
    })
    void deathBoundaries(int d, Grade expected) {
        assertThat(decree493().grade(deaths(d)).grade()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} seriously injured → {1}")
    @CsvSource({"9, GENERAL", "10, LARGER", "49, LARGER", "50, MAJOR", "99, MAJOR", "100, EXTRAORDINARY"})
    void seriousInjuryBoundaries(int i, Grade expected) {
        GradingScheme.Result r = decree493().grade(injured(i));
        assertThat(r.grade()).isEqualTo(expected);
        if (expected != Grade.GENERAL) {
            assertThat(r.dimension()).isEqualTo(GradingDimension.SERIOUSLY_INJURED);
        }
    }

    @ParameterizedTest(name = "¥{0} → {1}")
    @CsvSource({
        "9999999.99, GENERAL",
        "10000000, LARGER",
        "10000000.00, LARGER",
        "49999999.99, LARGER",
        "50000000, MAJOR",
        "99999999.99, MAJOR",
        "100000000, EXTRAORDINARY"
    })
    void lossBoundaries(String yuan, Grade expected) {
        assertThat(decree493().grade(loss(yuan)).grade()).isEqualTo(expected);
    }

    @Test
    void highestDimensionWinsAndIsRecorded() {
        // 2 deaths (一般), 55 seriously injured (重大), ¥12m (较大) → 重大 decided by injuries.
        GradingScheme.Result r =
                decree493().grade(new Casualties(2, 0, 55, 0, 0, new BigDecimal("12000000"), BigDecimal.ZERO));
        assertThat(r.grade()).isEqualTo(Grade.MAJOR);
        assertThat(r.dimension()).isEqualTo(GradingDimension.SERIOUSLY_INJURED);
        assertThat(r.value()).isEqualByComparingTo("55");
    }

    @Test
    void missingPersonsCountWithDeathsByDefault() {
        // 2 dead + 1 missing = 3 → 较大 (configurable per scheme: count_missing_as_deaths).
        assertThat(decree493()
                        .grade(new Casualties(2, 1, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO))
                        .grade())
                .isEqualTo(Grade.LARGER);
        GradingScheme withoutMissing =
                new GradingScheme("X", Grade.GENERAL, false, decree493().thresholds());
        assertThat(withoutMissing
                        .grade(new Casualties(2, 1, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO))
                        .grade())
                .isEqualTo(Grade.GENERAL);
    }

    @ParameterizedTest(name = "forest {0} ha → {1}")
    @CsvSource({
        "0, GENERAL",
        "0.99, GENERAL",
        "1, LARGER",
        "99.99, LARGER",
        "100, MAJOR",
        "999.9, MAJOR",
        "1000, EXTRAORDINARY"
    })
    void forestAreaBoundaries(String ha, Grade expected) {
        assertThat(store.scheme("FOREST_FIRE").orElseThrow().grade(area(ha)).grade())
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "forest fire {0} deaths / {1} injured → {2}")
    @CsvSource({
        "1, 0, GENERAL", "2, 0, GENERAL", "3, 0, LARGER", "9, 0, LARGER", "10, 0, MAJOR", "29, 0, MAJOR",
        "30, 0, EXTRAORDINARY", "0, 9, GENERAL", "0, 10, LARGER", "0, 49, LARGER", "0, 50, MAJOR", "0, 99, MAJOR",
        "0, 100, EXTRAORDINARY"
    })
    void forestCasualtyBoundaries(int d, int i, Grade expected) {
        assertThat(store.scheme("FOREST_FIRE")
                        .orElseThrow()
                        .grade(new Casualties(d, 0, i, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO))
                        .grade())
                .isEqualTo(expected);
    }

    @Test
    void socialSecurityEventsAreNotGraded() {
        assertThat(store.scheme("UNGRADED").orElseThrow().grade(deaths(50)).grade())
                .isNull();
    }

    @Test
    void regradeWindowCountsDaysFromTheNextDayInShanghai() {
        ZoneId sh = ZoneId.of("Asia/Shanghai");
        Instant occurred = Instant.parse("2025-03-01T02:00:00Z"); // 10:00 Beijing time
        assertThat(RegradeWindow.inside(occurred, 30, Instant.parse("2025-03-31T15:59:59Z"), sh))
                .isTrue(); // 31 March 23:59:59
        assertThat(RegradeWindow.inside(occurred, 30, Instant.parse("2025-03-31T16:00:00Z"), sh))
                .isFalse(); // 1 April 00:00
        assertThat(RegradeWindow.inside(occurred, 7, Instant.parse("2025-03-08T15:59:59Z"), sh))
                .isTrue();
        assertThat(RegradeWindow.inside(occurred, 7, Instant.parse("2025-03-08T16:00:00Z"), sh))
                .isFalse();
    }

    @Test
    void dueTimesAreWallClockShanghai() {
        ZoneId sh = ZoneId.of("Asia/Shanghai");
        Instant county =
                java.time.LocalDateTime.parse("2025-06-10T23:10:00").atZone(sh).toInstant();
        assertThat(ReportingPlanner.due(county, 120, sh).atZone(sh).toLocalDateTime())
                .isEqualTo(java.time.LocalDateTime.parse("2025-06-11T01:10:00"));
    }
}
