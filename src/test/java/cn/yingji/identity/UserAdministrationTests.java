package cn.yingji.identity;

import static cn.yingji.identity.IdentityFixtures.DISTRICT_A;
import static cn.yingji.identity.IdentityFixtures.DISTRICT_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yingji.support.TestUsers;
import cn.yingji.support.YingjiTest;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestConstructor;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** User administration inside the administrator's jurisdiction: foreign users do not exist (404). */
@YingjiTest
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class UserAdministrationTests {

    private final MockMvc mvc;
    private final UserManagement users;
    private final TestUsers testUsers;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    private UserId userA;
    private UserId userB;

    UserAdministrationTests(MockMvc mvc, UserManagement users, TestUsers testUsers, JdbcClient jdbc, JsonMapper json) {
        this.mvc = mvc;
        this.users = users;
        this.testUsers = testUsers;
        this.jdbc = jdbc;
        this.json = json;
    }

    @BeforeEach
    void accounts() {
        IdentityFixtures.ensure(users, "idt-admin-a", Role.ADMIN, DISTRICT_A);
        IdentityFixtures.ensure(users, "idt-admin-b", Role.ADMIN, DISTRICT_B);
        userA = IdentityFixtures.ensure(users, "idt-user-a", Role.TOWNSHIP_OFFICER, DISTRICT_A);
        userB = IdentityFixtures.ensure(users, "idt-user-b", Role.TOWNSHIP_OFFICER, DISTRICT_B);
        IdentityFixtures.ensure(users, "idt-plain", Role.DUTY_OFFICER, DISTRICT_A);
    }

    private JsonNode read(String body) {
        return json.readTree(body);
    }

    private int version(UserId id) {
        return jdbc.sql("select version from identity.users where id = :id")
                .param("id", id.value())
                .query(Integer.class)
                .single();
    }

    @Test
    void anAdministratorSeesOnlyUsersOfTheirDistrict() throws Exception {
        mvc.perform(get("/api/v1/users").param("q", "idt-user").with(testUsers.as("idt-admin-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].username").value(Matchers.contains("idt-user-a")))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(content().string(Matchers.not(Matchers.containsString("password"))));
        mvc.perform(get("/api/v1/users/" + userB).with(testUsers.as("idt-admin-a")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/users/" + userA).with(testUsers.as("idt-admin-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.homePath").value(DISTRICT_A));
        mvc.perform(put("/api/v1/users/" + userB)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"displayName\":\"x\",\"roles\":[\"GRID_WORKER\"],\"version\":0}")
                        .with(csrf())
                        .with(testUsers.as("idt-admin-a")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/users/" + userB + "/password-reset")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":0}")
                        .with(csrf())
                        .with(testUsers.as("idt-admin-a")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/users/" + userB).with(testUsers.as("idt-admin-a")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/users").param("q", "idt-user").with(testUsers.as("idt-admin-a")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("idt-user-a")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("idt-user-b"))));
    }

    @Test
    void nonAdministratorsAreTurnedAway() throws Exception {
        mvc.perform(get("/api/v1/users").with(testUsers.as("idt-plain"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/users").with(testUsers.as("idt-plain"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/audit").with(testUsers.as("idt-plain"))).andExpect(status().isForbidden());
    }

    @Test
    void updatesAreAuditedAndOptimisticallyLocked() throws Exception {
        int v = version(userA);
        String body = "{\"displayName\":\"Renamed A\",\"roles\":[\"TOWNSHIP_OFFICER\",\"GRID_WORKER\"],"
                + "\"enabled\":true,\"captureDivisions\":[],\"viewDivisions\":[],\"version\":" + v + "}";
        mvc.perform(put("/api/v1/users/" + userA)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body)
                        .with(csrf())
                        .with(testUsers.as("idt-admin-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.displayName").value("Renamed A"))
                .andExpect(jsonPath("$.version").value(v + 1));
        mvc.perform(put("/api/v1/users/" + userA)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body)
                        .with(csrf())
                        .with(testUsers.as("idt-admin-a")))
                .andExpect(status().isConflict());

        List<String> audit =
                jdbc.sql("""
                        select coalesce(before_json, '') || coalesce(after_json, '') from identity.audit_log
                         where entity_type = 'identity.user' and entity_id = :id order by seq
                        """).param("id", userA.toString()).query(String.class).list();
        assertThat(audit).hasSizeGreaterThanOrEqualTo(2);
        assertThat(audit).noneSatisfy(a -> assertThat(a).containsAnyOf("{bcrypt}", "$2a$", "passwordHash"));
        assertThat(audit.get(audit.size() - 1)).contains("Renamed A").contains("GRID_WORKER");

        String reset = mvc.perform(post("/api/v1/users/" + userA + "/password-reset")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":" + version(userA) + "}")
                        .with(csrf())
                        .with(testUsers.as("idt-admin-a")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String password = read(reset).get("password").asString();
        assertThat(password).hasSize(16);
        assertThat(jdbc.sql("select after_json from identity.audit_log where entity_id = :id order by seq desc limit 1")
                        .param("id", userA.toString())
                        .query(String.class)
                        .single())
                .doesNotContain(password);
    }

    @Test
    void scopesAreCheckedAgainstTheAdministratorsOwnCaptureScope() throws Exception {
        mvc.perform(post("/api/v1/users")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"idt-new-b","displayName":"B","password":"long-enough-pw",
                                 "roles":["GRID_WORKER"],"homeDivision":"340103000000",
                                 "captureDivisions":["340103000000"]}""")
                        .with(csrf())
                        .with(testUsers.as("idt-admin-a")))
                .andExpect(status().is4xxClientError());
        mvc.perform(post("/api/v1/users")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"idt-new-a","displayName":"A","password":"long-enough-pw",
                                 "roles":["GRID_WORKER"],"homeDivision":"340102000000",
                                 "captureDivisions":["340103000000"]}""")
                        .with(csrf())
                        .with(testUsers.as("idt-admin-a")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field")
                        .value(Matchers.anyOf(
                                Matchers.is("capture"), Matchers.is("homeDivision"), Matchers.is("captureDivisions"))));
        mvc.perform(post("/api/v1/users")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"idt-new-c","displayName":"C","password":"long-enough-pw",
                                 "roles":["GRID_WORKER"],"homeDivision":"not-a-code"}""")
                        .with(csrf())
                        .with(testUsers.as("idt-admin-a")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("homeDivision"));
        mvc.perform(post("/api/v1/users")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"idt-new-d","displayName":"D","password":"idt-new-d",
                                 "roles":["NO_SUCH_ROLE"],"homeDivision":"340102000000"}""")
                        .with(csrf())
                        .with(testUsers.as("idt-admin-a")))
                .andExpect(status().isBadRequest());
        assertThat(users.findByUsername("idt-new-a")).isEmpty();
        assertThat(users.findByUsername("idt-new-b")).isEmpty();
    }

    @Test
    void administratorsCannotLockThemselvesOut() throws Exception {
        UserId self = users.findByUsername("idt-admin-a").orElseThrow();
        mvc.perform(post("/api/v1/users/" + self + "/disable")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":" + version(self) + "}")
                        .with(csrf())
                        .with(testUsers.as("idt-admin-a")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void ownPasswordChangeNeedsTheCurrentPassword() throws Exception {
        IdentityFixtures.ensure(users, "idt-pw", Role.DUTY_OFFICER, DISTRICT_A);
        mvc.perform(put("/api/v1/me/password")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"wrong-one-xx\",\"newPassword\":\"another-long-pw\"}")
                        .with(csrf())
                        .with(testUsers.as("idt-pw")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("currentPassword"));
        mvc.perform(put("/api/v1/me/password")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"" + IdentityFixtures.PASSWORD
                                + "\",\"newPassword\":\"idt-pw-xxxx\"}")
                        .with(csrf())
                        .with(testUsers.as("idt-pw")))
                .andExpect(status().isNoContent());
        mvc.perform(put("/api/v1/me/password")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"idt-pw-xxxx\",\"newPassword\":\"short\"}")
                        .with(csrf())
                        .with(testUsers.as("idt-pw")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("password"));
    }

    @Test
    void userPagesRenderAndTheEditFormSaves() throws Exception {
        mvc.perform(get("/admin/users/new").with(testUsers.as("idt-admin-a")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("340102000000")));
        mvc.perform(get("/admin/users/" + userA).with(testUsers.as("idt-admin-a")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("idt-user-a")));
        mvc.perform(get("/admin/users/" + userA + "/edit").with(testUsers.as("idt-admin-a")))
                .andExpect(status().isOk());
        mvc.perform(post("/admin/users/" + userA + "/edit")
                        .param("displayName", "Edited on the page")
                        .param("roles", "TOWNSHIP_OFFICER")
                        .param("captureDivisions", "340102000000")
                        .param("viewDivisions", "")
                        .param("enabled", "true")
                        .param("version", Integer.toString(version(userA)))
                        .with(csrf())
                        .with(testUsers.as("idt-admin-a")))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/users/" + userA + "/edit")
                        .param("displayName", "")
                        .param("roles", "TOWNSHIP_OFFICER")
                        .param("version", Integer.toString(version(userA)))
                        .with(csrf())
                        .with(testUsers.as("idt-admin-a")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("field-error")));
        mvc.perform(post("/admin/users/" + userA + "/reset-password")
                        .param("version", Integer.toString(version(userA)))
                        .with(csrf())
                        .with(testUsers.as("idt-admin-a")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("new-password")));
        mvc.perform(get("/me").with(testUsers.as("idt-admin-a"))).andExpect(status().isOk());
    }
}
