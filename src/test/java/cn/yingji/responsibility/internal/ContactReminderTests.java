package cn.yingji.responsibility.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yingji.directory.PositionId;
import cn.yingji.responsibility.ChiefAssignment;
import cn.yingji.responsibility.ResponsibilityFixtures;
import cn.yingji.support.YingjiTest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/** Districts with unverified contacts are reminded once a day inside the window before the deadline, not before. */
@YingjiTest
class ContactReminderTests {

    private final ResponsibilityService service;
    private final ResponsibilityFixtures fixtures;
    private final JdbcClient jdbc;

    ContactReminderTests(ResponsibilityService service, ResponsibilityFixtures fixtures, JdbcClient jdbc) {
        this.service = service;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
    }

    @AfterEach
    void realClock() {
        service.use(Clock.systemUTC());
    }

    private void at(LocalDate day) {
        service.use(
                Clock.fixed(day.atTime(9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant(), ZoneOffset.UTC));
    }

    private long reminders(LocalDate day) {
        return jdbc.sql("""
                        select count(*) from responsibility.reminders
                        where district_path = '/340100000000/340102000000/' and sent_on = :d
                        """)
                .param("d", java.sql.Date.valueOf(day))
                .query(Long.class)
                .single();
    }

    @Test
    void anUnverifiedContactRemindsItsDistrictOnceADayFromTheWindowOn() {
        String t = UUID.randomUUID().toString().substring(0, 6);
        PositionId p = fixtures.position("提醒测试岗" + t, "RESP_TEST_FLOOD", ResponsibilityFixtures.MINGGUANG);
        SecurityContextHolder.clearContext();
        service.assign(ChiefAssignment.Kind.BAOBAO, ChiefAssignment.ObjectKind.RESERVOIR, "提醒水库" + t, p);
        int year = LocalDate.now().getYear();
        LocalDate deadline = service.checkDeadline().atYear(year);

        at(deadline.minusDays(60));
        assertThat(service.remind(service.now())).isZero();
        assertThat(reminders(deadline.minusDays(60))).isZero();

        LocalDate inWindow = deadline.minusDays(5);
        at(inWindow);
        assertThat(service.remind(service.now())).isPositive();
        assertThat(reminders(inWindow)).isEqualTo(1);
        // the hourly job runs again the same day: no second reminder
        service.remind(service.now());
        assertThat(reminders(inWindow)).isEqualTo(1);
        // after the deadline it goes on, marked overdue
        at(deadline.plusDays(1));
        service.remind(service.now());
        assertThat(jdbc.sql("""
                        select overdue from responsibility.reminders
                        where district_path = '/340100000000/340102000000/' and sent_on = :d
                        """)
                        .param("d", java.sql.Date.valueOf(deadline.plusDays(1)))
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }
}
