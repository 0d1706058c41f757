package cn.yingji.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yingji.directory.ChannelType;
import cn.yingji.directory.DirectoryManagement;
import cn.yingji.directory.Gender;
import cn.yingji.directory.NewContactChannel;
import cn.yingji.directory.NewPerson;
import cn.yingji.directory.PersonId;
import cn.yingji.notify.Channel;
import cn.yingji.notify.NotificationId;
import cn.yingji.notify.Notifications;
import cn.yingji.notify.Outgoing;
import cn.yingji.support.TestUsers;
import cn.yingji.support.YingjiTest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Channels end to end: e-mail to a real SMTP server (GreenMail) read back; SMS through the simulated gateway with
 * its receipt; a failure stored with its reason and listed for follow-up by phone; the person's own order of
 * channels (stored preference first, then directory contacts).
 */
@YingjiTest
class NotifyChannelsTests {

    private static final String CITY = "/340100000000/";

    private final Notifications notifications;
    private final MailChannel mail;
    private final GatewaySimulator simulator;
    private final DirectoryManagement directory;
    private final JdbcClient jdbc;
    private final MockMvc mvc;
    private final TestUsers users;
    private GreenMail smtp;

    NotifyChannelsTests(
            Notifications notifications,
            MailChannel mail,
            GatewaySimulator simulator,
            DirectoryManagement directory,
            JdbcClient jdbc,
            MockMvc mvc,
            TestUsers users) {
        this.notifications = notifications;
        this.mail = mail;
        this.simulator = simulator;
        this.directory = directory;
        this.jdbc = jdbc;
        this.mvc = mvc;
        this.users = users;
    }

    @BeforeEach
    void smtp() {
        SecurityContextHolder.clearContext();
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        mail.use("127.0.0.1", smtp.getSmtp().getPort());
    }

    @AfterEach
    void stop() {
        smtp.stop();
        mail.use("", 25);
    }

    private PersonId person(String mobile, String email) {
        return directory.createPerson(new NewPerson(
                "通知测试" + UUID.randomUUID().toString().substring(0, 4),
                Gender.MALE,
                null,
                CITY,
                "科员",
                email == null
                        ? List.of(new NewContactChannel(ChannelType.MOBILE, mobile, true))
                        : List.of(
                                new NewContactChannel(ChannelType.MOBILE, mobile, true),
                                new NewContactChannel(ChannelType.EMAIL, email, true))));
    }

    private static String mobile() {
        return "137" + String.format("%08d", (int) (Math.random() * 1e8));
    }

    private String state(NotificationId id) {
        return jdbc.sql("select state from notify.message where id = :id")
                .param("id", id.value())
                .query(String.class)
                .single();
    }

    @Test
    void anEmailIsDeliveredOverSmtpAndReadBack() throws Exception {
        PersonId p = person(mobile(), "chief-" + UUID.randomUUID().toString().substring(0, 6) + "@example.gov.cn");
        NotificationId id = notifications
                .send(List.of(
                        new Outgoing(p, "测试", CITY, Channel.EMAIL, "【叫应】暴雨红色预警", "请立即到岗", "/ack/x.y", "test", "c-1")))
                .get(0);
        assertThat(smtp.waitForIncomingEmail(1)).isTrue();
        MimeMessage m = smtp.getReceivedMessages()[0];
        assertThat(m.getSubject()).isEqualTo("【叫应】暴雨红色预警");
        assertThat(GreenMailUtil.getBody(m)).isNotBlank();
        assertThat(m.getContent().toString()).contains("请立即到岗").contains("/ack/x.y");
        assertThat(state(id)).isEqualTo("DELIVERED");
        assertThat(jdbc.sql("select count(*) from notify.receipt where message_id = :id and kind = 'DELIVERED'")
                        .param("id", id.value())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void smsFailuresAreStoredAndListedForFollowUpByPhone() throws Exception {
        String number = mobile();
        PersonId p = person(number, null);
        simulator.script(number, new GatewaySimulator.Script(true, null));
        try {
            List<NotificationId> ids = notifications.send(List.of(
                    new Outgoing(p, "失败测试人", CITY, Channel.SMS, "失败测试", "内容", null, "test", "c-2"),
                    new Outgoing(p, "失败测试人", CITY, Channel.EMAIL, "无邮箱", "内容", null, "test", "c-2")));
            assertThat(state(ids.get(0))).isEqualTo("FAILED");
            assertThat(state(ids.get(1))).isEqualTo("FAILED");
            mvc.perform(get("/notify/failed").with(users.as("duty")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString(number)));
            mvc.perform(get("/api/v1/notify/failed").with(users.as("duty")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("no-address")));
            // not visible to a township officer elsewhere
            mvc.perform(get("/api/v1/notify/failed").with(users.as("township.mingguang")))
                    .andExpect(status().isOk())
                    .andExpect(
                            content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(number))));
        } finally {
            simulator.script(number, null);
        }
    }

    @Test
    void aDeliveredSmsGetsItsReceipt() {
        PersonId p = person(mobile(), null);
        NotificationId id = notifications
                .send(List.of(new Outgoing(p, "送达测试", CITY, Channel.SMS, "送达", "内容", null, "test", "c-3")))
                .get(0);
        assertThat(state(id)).isEqualTo("DELIVERED");
    }

    @Test
    void channelsFollowTheStoredPreferenceThenTheDirectory() {
        PersonId p = person(mobile(), "pref@example.gov.cn");
        assertThat(notifications.reachable(List.of(p)).get(p))
                .containsExactly(Channel.VOICE, Channel.SMS, Channel.EMAIL, Channel.IN_APP);
        notifications.setPreferences(p, List.of(Channel.EMAIL, Channel.SMS));
        assertThat(notifications.reachable(List.of(p)).get(p)).containsExactly(Channel.EMAIL, Channel.SMS);
    }
}
