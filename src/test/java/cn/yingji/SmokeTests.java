package cn.yingji;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yingji.support.YingjiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@YingjiTest
class SmokeTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    cn.yingji.support.TestUsers users;

    @Test
    void navigationHighlightsOnlyTheMostSpecificEntry() throws Exception {
        String html = mvc.perform(get("/incidents/new").with(users.as("duty")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        var active = java.util.regex.Pattern.compile("<a href=\"([^\"]+)\"[^>]*class=\"active\"")
                .matcher(html)
                .results()
                .map(m -> m.group(1))
                .toList();
        org.assertj.core.api.Assertions.assertThat(active).containsExactly("/incidents/new");
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /**
     * The embedded server runs with the shipped settings (application.yml), not PostgreSQL's small-host defaults, and
     * durably: zonky's own defaults (fsync and synchronous commit off) would let a crash lose acknowledged reports.
     */
    @Test
    void embeddedPostgresRunsWithTheShippedSettings() {
        var settings = jdbc.sql("""
                        select current_setting('shared_buffers'), current_setting('max_wal_size'),
                               current_setting('checkpoint_timeout'), current_setting('autovacuum_vacuum_cost_delay'),
                               current_setting('fsync'), current_setting('synchronous_commit')""")
                .query((rs, n) -> java.util.List.of(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)))
                .single();
        org.assertj.core.api.Assertions.assertThat(settings)
                .containsExactly("512MB", "4GB", "15min", "10ms", "on", "on");
    }

    @Test
    void openApiDocumentListsTheApi() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/divisions']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/incidents']").exists())
                // a field report's form fields, bound by name, are listed one by one
                .andExpect(jsonPath("$.paths['/api/v1/hazards'].post.parameters[*].name")
                        .value(org.hamcrest.Matchers.hasItems("description", "lon", "lat", "industry")));
    }

    @Test
    void healthIsPublicAndMetricsNeedAnAdministrator() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/prometheus").with(users.as("duty"))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").with(users.as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("hikaricp_connections")));
    }

    @Test
    void homePageNamesTheFiveSystemsAndTheCommandCentre() throws Exception {
        mvc.perform(get("/").with(users.as("duty")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.stringContainsInOrder(
                                "指挥中心", "应急责任体系", "应急指挥体系", "救援力量体系", "风险防控体系", "基层组织体系")));
    }

    @Test
    void loginPageRendersInChineseByDefault() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("登录")));
    }

    @Test
    void loginPageSwitchesToEnglish() throws Exception {
        mvc.perform(get("/login").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Sign in")));
    }

    @Test
    void anonymousApiCallGetsProblemJson401() throws Exception {
        mvc.perform(get("/api/v1/anything"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void anonymousPageRedirectsToLogin() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection());
    }

    @Test
    void securityHeadersAreSet() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("X-Frame-Options", "DENY"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .exists("Content-Security-Policy"));
    }
}
