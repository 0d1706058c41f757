package cn.yingji.hazard.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yingji.hazard.Assignment;
import cn.yingji.hazard.Hazard;
import cn.yingji.hazard.HazardCard;
import cn.yingji.hazard.HazardCardRaised;
import cn.yingji.hazard.HazardFixtures;
import cn.yingji.hazard.HazardId;
import cn.yingji.hazard.HazardManagement;
import cn.yingji.hazard.Hazards;
import cn.yingji.hazard.NewHazard;
import cn.yingji.hazard.Photo;
import cn.yingji.hazard.StepInput;
import cn.yingji.support.YingjiTest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The overdue sweep with a fixed clock (yellow-card horizon 3 days by default): no card while the deadline is far,
 * a yellow card once it is due within 3 days, a red card after the deadline day, escalated to the district; each
 * card raised and announced once.
 */
@YingjiTest
@RecordApplicationEvents
class OverdueCardSweepTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate TODAY = LocalDate.of(2031, 3, 2);

    private final HazardService service;
    private final HazardManagement management;
    private final Hazards hazards;
    private final HazardClock clock;
    private final HazardFixtures fixtures;

    @org.springframework.beans.factory.annotation.Autowired
    ApplicationEvents events;

    OverdueCardSweepTests(
            HazardService service,
            HazardManagement management,
            Hazards hazards,
            HazardClock clock,
            HazardFixtures fixtures) {
        this.service = service;
        this.management = management;
        this.hazards = hazards;
        this.clock = clock;
        this.fixtures = fixtures;
    }

    @BeforeEach
    void atNineOnTheFirstDay() {
        SecurityContextHolder.clearContext();
        at(TODAY, 9);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private void at(LocalDate day, int hour) {
        clock.use(Clock.fixed(day.atTime(hour, 0).atZone(ZONE).toInstant(), ZONE));
    }

    private HazardId assignedWithDeadline(LocalDate deadline) {
        double[] p = fixtures.inGrid();
        HazardId id = management
                .reportAnonymously(
                        new NewHazard(null, "消防栓损坏", null, "FIRE", p[0], p[1], null, null, null, null),
                        new Photo("p.png", HazardFixtures.PNG),
                        "sweep-" + UUID.randomUUID(),
                        null)
                .hazard()
                .id();
        StepInput none = new StepInput(null, null, null, null);
        management.verify(id, null, none);
        management.assign(id, new Assignment("李四", "更换消防栓", new BigDecimal("800"), deadline, null, null, null), none);
        return id;
    }

    private List<HazardCardRaised> raised(HazardId id) {
        return events.stream(HazardCardRaised.class)
                .filter(e -> e.id().equals(id))
                .toList();
    }

    @Test
    void yellowWhenDueWithinThreeDaysRedWhenOverdueEscalatedToTheDistrictEachOnce() {
        LocalDate deadline = TODAY.plusDays(7);
        HazardId id = assignedWithDeadline(deadline);

        service.sweep();
        assertThat(hazards.find(id).orElseThrow().card()).isEqualTo(HazardCard.NONE);
        assertThat(raised(id)).isEmpty();

        // Four days before the deadline (its end is the start of deadline + 1): still more than 3 days.
        at(deadline.minusDays(3), 12);
        service.sweep();
        assertThat(hazards.find(id).orElseThrow().card()).isEqualTo(HazardCard.NONE);

        at(deadline.minusDays(1), 9);
        service.sweep();
        Hazard yellow = hazards.find(id).orElseThrow();
        assertThat(yellow.card()).isEqualTo(HazardCard.YELLOW);
        assertThat(yellow.escalatedPath()).isNull();
        assertThat(raised(id)).singleElement().satisfies(e -> {
            assertThat(e.card()).isEqualTo(HazardCard.YELLOW);
            assertThat(e.escalatedTo()).isNull();
            assertThat(e.deadline()).isEqualTo(deadline);
        });
        service.sweep();
        assertThat(raised(id)).hasSize(1);

        // The deadline day itself is still on time.
        at(deadline, 23);
        service.sweep();
        assertThat(hazards.find(id).orElseThrow().card()).isEqualTo(HazardCard.YELLOW);

        at(deadline.plusDays(1), 0);
        service.sweep();
        Hazard red = hazards.find(id).orElseThrow();
        assertThat(red.card()).isEqualTo(HazardCard.RED);
        assertThat(red.escalatedPath()).isEqualTo("/340100000000/340102000000/");
        assertThat(raised(id)).hasSize(2).last().satisfies(e -> {
            assertThat(e.card()).isEqualTo(HazardCard.RED);
            assertThat(e.escalatedTo()).isEqualTo("/340100000000/340102000000/");
        });
        service.sweep();
        assertThat(raised(id)).hasSize(2);
        assertThat(hazards.steps(id).stream().map(s -> s.action()))
                .containsSubsequence("ASSIGN", "CARD_YELLOW", "CARD_RED");
    }

    @Test
    void aRectifiedHazardGetsNoCard() {
        LocalDate deadline = TODAY.plusDays(1);
        HazardId id = assignedWithDeadline(deadline);
        StepInput none = new StepInput(null, null, null, null);
        management.start(id, none);
        management.rectify(id, new StepInput("done", null, null, new Photo("a.png", HazardFixtures.PNG)));
        at(deadline.plusDays(5), 9);
        service.sweep();
        assertThat(hazards.find(id).orElseThrow().card()).isEqualTo(HazardCard.NONE);
        assertThat(raised(id)).isEmpty();
    }

    @Test
    void aPhotoIsRecognisedByItsBytes() {
        assertThat(HazardService.imageType(HazardFixtures.PNG)).isEqualTo("image/png");
        assertThat(HazardService.imageType(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0x00}))
                .isEqualTo("image/jpeg");
        assertThat(HazardService.imageType(HazardFixtures.NOT_AN_IMAGE)).isNull();
        assertThat(HazardService.imageType("<svg xmlns=".getBytes())).isNull();
    }
}
