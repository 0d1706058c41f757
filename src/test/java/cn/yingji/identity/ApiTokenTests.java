package cn.yingji.identity;

import static cn.yingji.identity.IdentityFixtures.DISTRICT_A;
import static cn.yingji.identity.IdentityFixtures.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yingji.support.TestUsers;
import cn.yingji.support.YingjiTest;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestConstructor;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Personal API tokens: shown once, stored hashed, valid until revoked or expired, throttled when guessed. */
@YingjiTest
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class ApiTokenTests {

    private final MockMvc mvc;
    private final UserManagement users;
    private final TestUsers testUsers;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    ApiTokenTests(MockMvc mvc, UserManagement users, TestUsers testUsers, JdbcClient jdbc, JsonMapper json) {
        this.mvc = mvc;
        this.users = users;
        this.testUsers = testUsers;
        this.jdbc = jdbc;
        this.json = json;
    }

    private JsonNode createToken(String username, String body) throws Exception {
        String response = mvc.perform(post("/api/v1/me/tokens")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body)
                        .with(csrf())
                        .with(testUsers.as(username)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(response);
    }

    @Test
    void aValidTokenActsAsItsOwnerWithoutCsrf() throws Exception {
        UserId id = IdentityFixtures.ensure(users, "idt-token", Role.DUTY_OFFICER, DISTRICT_A);
        JsonNode created = createToken("idt-token", "{\"name\":\"script\"}");
        String token = created.get("token").asString();
        String tokenId = created.get("info").get("id").asString();
        assertThat(token).startsWith("yj_").hasSizeGreaterThan(40);
        assertThat(created.get("info").get("prefix").asString()).isEqualTo(token.substring(0, 11));

        String stored = jdbc.sql("select token_hash from identity.api_tokens where id = cast(:id as uuid)")
                .param("id", tokenId)
                .query(String.class)
                .single();
        assertThat(stored).hasSize(64).isNotEqualTo(token).doesNotContain(token.substring(3));

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("idt-token"))
                .andExpect(jsonPath("$.id").value(id.toString()))
                .andExpect(header().doesNotExist("Set-Cookie"));
        // Writes with a bearer token need no CSRF token.
        mvc.perform(post("/api/v1/me/tokens")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"second\"}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/me/tokens").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.name == 'script')].lastUsedAt").isNotEmpty())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(token.substring(11)))));
    }

    @Test
    void revokedExpiredAndUnknownTokensAreRejected() throws Exception {
        IdentityFixtures.ensure(users, "idt-token2", Role.DUTY_OFFICER, DISTRICT_A);
        JsonNode revoked = createToken("idt-token2", "{\"name\":\"to revoke\"}");
        mvc.perform(delete("/api/v1/me/tokens/" + revoked.get("info").get("id").asString())
                        .with(csrf())
                        .with(testUsers.as("idt-token2")))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/me")
                        .header(
                                "Authorization",
                                "Bearer " + revoked.get("token").asString())
                        .with(from("10.78.0.1")))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));

        JsonNode expiring = createToken(
                "idt-token2",
                "{\"name\":\"short\",\"expiresAt\":\"" + Instant.now().plusSeconds(3600) + "\"}");
        mvc.perform(get("/api/v1/me")
                        .header(
                                "Authorization",
                                "Bearer " + expiring.get("token").asString()))
                .andExpect(status().isOk());
        jdbc.sql("update identity.api_tokens set expires_at = :t where id = cast(:id as uuid)")
                .param("t", OffsetDateTime.now().minusMinutes(1))
                .param("id", expiring.get("info").get("id").asString())
                .update();
        mvc.perform(get("/api/v1/me")
                        .header(
                                "Authorization",
                                "Bearer " + expiring.get("token").asString())
                        .with(from("10.78.0.1")))
                .andExpect(status().isUnauthorized());

        mvc.perform(get("/api/v1/me")
                        .header("Authorization", "Bearer yj_nonsense")
                        .with(from("10.78.0.1")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void rejectsBadTokenInput() throws Exception {
        IdentityFixtures.ensure(users, "idt-token3", Role.DUTY_OFFICER, DISTRICT_A);
        mvc.perform(post("/api/v1/me/tokens")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"\"}")
                        .with(csrf())
                        .with(testUsers.as("idt-token3")))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/me/tokens")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"old\",\"expiresAt\":\"2001-01-01\"}")
                        .with(csrf())
                        .with(testUsers.as("idt-token3")))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/me/tokens")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"bad\",\"expiresAt\":\"soon\"}")
                        .with(csrf())
                        .with(testUsers.as("idt-token3")))
                .andExpect(status().isBadRequest());
        mvc.perform(delete("/api/v1/me/tokens/" + java.util.UUID.randomUUID())
                        .with(csrf())
                        .with(testUsers.as("idt-token3")))
                .andExpect(status().isNotFound());
    }

    @Test
    void guessingTokensFromOneAddressIsThrottled() throws Exception {
        String address = "10.78.9.9";
        for (int i = 0; i < 20; i++) {
            mvc.perform(get("/api/v1/me")
                            .header("Authorization", "Bearer yj_guess" + i)
                            .with(from(address)))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer yj_guess").with(from(address)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }
}
