package cn.yingji.callout.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yingji.callout.CalloutPolicies;
import cn.yingji.monitoring.WarningLevel;
import cn.yingji.notify.GatewayCallbacks;
import cn.yingji.notify.NotificationId;
import cn.yingji.support.TestUsers;
import cn.yingji.support.YingjiTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Answers through signed links, the app and an SMS reply; bad input (a replayed, expired or forged link, another
 * person's call, a policy with a loop or an unreachable tier) is refused with a localized message and changes
 * nothing; a campaign started by hand from the page fills the reach board.
 */
@YingjiTest
class CalloutWebTests {

    private final MockMvc mvc;
    private final TestUsers users;
    private final CalloutFixtures fixtures;
    private final AnswerLinks links;
    private final CalloutPolicies policies;
    private final GatewayCallbacks gateway;
    private final JdbcClient jdbc;

    CalloutWebTests(
            MockMvc mvc,
            TestUsers users,
            CalloutFixtures fixtures,
            AnswerLinks links,
            CalloutPolicies policies,
            GatewayCallbacks gateway,
            JdbcClient jdbc) {
        this.mvc = mvc;
        this.users = users;
        this.fixtures = fixtures;
        this.links = links;
        this.policies = policies;
        this.gateway = gateway;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void system() {
        SecurityContextHolder.clearContext();
    }

    private String linkOf(UUID call) {
        return jdbc.sql("select link from notify.message where correlation = :c order by created_at limit 1")
                .param("c", call.toString())
                .query(String.class)
                .single();
    }

    @Test
    void aSignedLinkAnswersOncePerActionAndAReplayIsRefused() throws Exception {
        UUID c = fixtures.start(fixtures.village(0), false);
        CampaignEngine.CallRow chief = fixtures.call(c, "county");
        String link = linkOf(chief.id());
        assertThat(link).startsWith("/ack/");
        mvc.perform(get(link))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(chief.positionName())));
        mvc.perform(post(link).with(csrf()).param("action", "RECEIVED"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("ack-done")));
        assertThat(fixtures.call(chief.id()).state()).isEqualTo("ANSWERED");
        assertThat(fixtures.pendingTimers(chief.id())).isZero();
        mvc.perform(post(link).with(csrf()).param("action", "RECEIVED"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("已使用过")));
        mvc.perform(post(link).with(csrf()).param("action", "ON_POST").param("location", "117.31,31.87"))
                .andExpect(status().isOk());
        assertThat(fixtures.call(chief.id()).state()).isEqualTo("ON_POST");
    }

    @Test
    void anExpiredOrForgedLinkChangesNothing() throws Exception {
        UUID c = fixtures.start(fixtures.village(0), false);
        CampaignEngine.CallRow v = fixtures.call(c, "village");
        String expired = "/ack/" + links.token(v.id(), Instant.now().minusSeconds(1));
        mvc.perform(post(expired).with(csrf()).param("action", "RECEIVED"))
                .andExpect(status().isGone())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("已过期")));
        String good = linkOf(v.id());
        String forged = good.substring(0, good.length() - 3) + (good.endsWith("AAA") ? "BBB" : "AAA");
        mvc.perform(post(forged).with(csrf()).param("action", "RECEIVED")).andExpect(status().isNotFound());
        mvc.perform(get("/ack/nonsense")).andExpect(status().isNotFound());
        assertThat(fixtures.call(v.id()).state()).isEqualTo("CALLING");
        assertThat(fixtures.pendingTimers(v.id())).isEqualTo(1);
    }

    @Test
    void anotherPersonsCallCannotBeAnsweredThroughTheApi() throws Exception {
        UUID c = fixtures.start(fixtures.village(0), false);
        CampaignEngine.CallRow chief = fixtures.call(c, "county");
        mvc.perform(post("/api/v1/callout/calls/{id}/answer", chief.id())
                        .with(users.as("duty"))
                        .with(csrf())
                        .param("lang", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"action\":\"RECEIVED\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("not your call")));
        assertThat(fixtures.call(chief.id()).state()).isEqualTo("CALLING");
    }

    @Test
    void anSmsReplyAnswersTheCall() {
        UUID c = fixtures.start(fixtures.village(0), false);
        CampaignEngine.CallRow v = fixtures.call(c, "village");
        UUID message = jdbc.sql("select id from notify.message where correlation = :c")
                .param("c", v.id().toString())
                .query(UUID.class)
                .single();
        gateway.reply(new NotificationId(message), "1", null);
        assertThat(fixtures.call(v.id()).state()).isEqualTo("ANSWERED");
        gateway.reply(new NotificationId(message), "2", "村委会");
        assertThat(fixtures.call(v.id()).state()).isEqualTo("ON_POST");
    }

    @Test
    void aPolicyWithALoopOrAnUnreachableTierIsRefusedAndNothingChanges() throws Exception {
        String before = jdbc.sql("select definition::text from callout.policy where level = 'YELLOW'")
                .query(String.class)
                .single();
        String loop = """
                {"tiers":[
                  {"key":"county","name":"区县","level":"COUNTY","kinds":["FLOOD_CHIEF"],"callFirst":true,"escalateTo":"township"},
                  {"key":"township","name":"乡镇","level":"TOWNSHIP","kinds":["TOWNSHIP_HEAD"],"callFirst":true,"escalateTo":"county"}],
                 "channels":["SMS"],"answerTimeout":"PT5M","retries":1}
                """;
        mvc.perform(put("/api/v1/callout/policies/YELLOW")
                        .with(users.as("admin"))
                        .with(csrf())
                        .param("lang", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(loop))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Escalation loop")));
        String unreachable = """
                {"tiers":[
                  {"key":"city","name":"市","level":"CITY","kinds":["FLOOD_CHIEF"],"callFirst":false,"escalateTo":"DUTY_OFFICER"},
                  {"key":"county","name":"区县","level":"COUNTY","kinds":["FLOOD_CHIEF"],"callFirst":true,"escalateTo":"DUTY_OFFICER"}],
                 "channels":["SMS"],"answerTimeout":"PT5M","retries":1}
                """;
        mvc.perform(put("/api/v1/callout/policies/YELLOW")
                        .with(users.as("admin"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(unreachable))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("不可达")));
        assertThat(jdbc.sql("select definition::text from callout.policy where level = 'YELLOW'")
                        .query(String.class)
                        .single())
                .isEqualTo(before);
        assertThat(policies.policy(WarningLevel.YELLOW)).isPresent();
    }

    @Test
    void anAdministratorEditsAPolicyOnThePageAndBadInputChangesNothing() throws Exception {
        String before = jdbc.sql("select definition::text from callout.policy where level = 'BLUE'")
                .query(String.class)
                .single();
        mvc.perform(get("/callout/policies/BLUE").with(users.as("duty"))).andExpect(status().isForbidden());
        String form = mvc.perform(get("/callout/policies/BLUE").with(users.as("admin")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(form).contains("id=\"policy-form\"", "p-tiers");
        String tiers = jdbc.sql("select (definition -> 'tiers')::text from callout.policy where level = 'BLUE'")
                .query(String.class)
                .single();

        mvc.perform(post("/callout/policies/BLUE")
                        .with(users.as("admin"))
                        .with(csrf())
                        .param("lang", "en")
                        .param("tiers", "[{not json")
                        .param("channels", "SMS")
                        .param("answerTimeoutSeconds", "300")
                        .param("retries", "1"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("not valid JSON")));
        mvc.perform(post("/callout/policies/BLUE")
                        .with(users.as("admin"))
                        .with(csrf())
                        .param("tiers", tiers)
                        .param("channels", "SMS")
                        .param("answerTimeoutSeconds", "five minutes")
                        .param("retries", "1"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("请输入整数")));
        assertThat(jdbc.sql("select definition::text from callout.policy where level = 'BLUE'")
                        .query(String.class)
                        .single())
                .isEqualTo(before);

        mvc.perform(post("/callout/policies/BLUE")
                        .with(users.as("admin"))
                        .with(csrf())
                        .param("tiers", tiers)
                        .param("channels", "SMS", "IN_APP")
                        .param("answerTimeoutSeconds", "420")
                        .param("retries", "3")
                        .param("onPostMinutes", "45"))
                .andExpect(status().is3xxRedirection());
        var saved = policies.policy(WarningLevel.BLUE).orElseThrow();
        assertThat(saved.answerTimeout().toSeconds()).isEqualTo(420);
        assertThat(saved.retries()).isEqualTo(3);
        assertThat(saved.onPostMinutes()).isEqualTo(45);
        assertThat(saved.channels()).extracting(Enum::name).containsExactlyInAnyOrder("SMS", "IN_APP");
        assertThat(jdbc.sql(
                                "select count(*) from identity.audit_log where entity_type = 'callout.policy' and entity_id = 'BLUE'")
                        .query(Long.class)
                        .single())
                .isPositive();
        jdbc.sql("update callout.policy set definition = cast(:d as jsonb) where level = 'BLUE'")
                .param("d", before)
                .update();
    }

    @Test
    void aCampaignStartedByHandFillsTheReachBoard() throws Exception {
        String village = fixtures.village(3).code().value();
        mvc.perform(post("/callout/campaigns/new")
                        .with(users.as("duty.yaohai"))
                        .with(csrf())
                        .param("divisions", village)
                        .param("level", "RED")
                        .param("message", "手动叫应测试")
                        .param("step", "preview"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"preview\"")));
        String location = mvc.perform(post("/callout/campaigns/new")
                        .with(users.as("duty.yaohai"))
                        .with(csrf())
                        .param("divisions", village)
                        .param("level", "RED")
                        .param("message", "手动叫应测试")
                        .param("drill", "true")
                        .param("step", "start"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).startsWith("/callout/campaigns/");
        mvc.perform(get(location).with(users.as("duty.yaohai")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("by-tier")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("演练")));
        String id = location.substring("/callout/campaigns/".length());
        mvc.perform(get("/api/v1/callout/campaigns/{id}", id).with(users.as("duty.yaohai")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.campaign.drill").value(true))
                .andExpect(jsonPath("$.tiers[0].key").value("county"));
        mvc.perform(get(location + "/record").with(users.as("duty.yaohai"))).andExpect(status().isOk());
        // a foreign district cannot see it
        mvc.perform(get(location).with(users.as("township.mingguang"))).andExpect(status().isNotFound());
        // an unknown division is a field error on the form, nothing started
        mvc.perform(post("/callout/campaigns/new")
                        .with(users.as("duty.yaohai"))
                        .with(csrf())
                        .param("divisions", "340102999999")
                        .param("level", "RED")
                        .param("message", "x"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("campaign-errors")));
    }
}
