package cn.yingji.identity;

import static cn.yingji.identity.IdentityFixtures.DISTRICT_A;
import static cn.yingji.identity.IdentityFixtures.PASSWORD;
import static cn.yingji.identity.IdentityFixtures.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yingji.support.TestUsers;
import cn.yingji.support.YingjiTest;
import java.time.OffsetDateTime;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestConstructor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Form login, lockout, per-address throttling, CSRF and the hardening headers, against the real database. */
@YingjiTest
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class LoginSecurityTests {

    private final MockMvc mvc;
    private final UserManagement users;
    private final TestUsers testUsers;
    private final JdbcClient jdbc;

    LoginSecurityTests(MockMvc mvc, UserManagement users, TestUsers testUsers, JdbcClient jdbc) {
        this.mvc = mvc;
        this.users = users;
        this.testUsers = testUsers;
        this.jdbc = jdbc;
    }

    private static MockHttpServletRequestBuilder login(String username, String password, String address) {
        return post("/login")
                .param("username", username)
                .param("password", password)
                .with(csrf())
                .with(from(address));
    }

    @Test
    void signsInWithTheRightPasswordOnly() throws Exception {
        IdentityFixtures.ensure(users, "idt-login", Role.DUTY_OFFICER, DISTRICT_A);
        mvc.perform(formLogin("/login").user("idt-login").password(PASSWORD))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/"))
                .andExpect(authenticated().withUsername("idt-login"));
        mvc.perform(formLogin("/login").user("idt-login").password("wrong-password-1"))
                .andExpect(redirectedUrl("/login?error"))
                .andExpect(unauthenticated());
        mvc.perform(formLogin("/login").user("idt-nobody").password(PASSWORD))
                .andExpect(redirectedUrl("/login?error"))
                .andExpect(unauthenticated());
        assertThat(jdbc.sql("select failed_logins from identity.users where username = 'idt-login'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void locksTheAccountAfterFiveFailures() throws Exception {
        IdentityFixtures.ensure(users, "idt-lockout", Role.DUTY_OFFICER, DISTRICT_A);
        for (int i = 0; i < 5; i++) {
            mvc.perform(login("idt-lockout", "wrong-password-" + i, "10.77.0.1"))
                    .andExpect(redirectedUrl("/login?error"));
        }
        OffsetDateTime lockedUntil = jdbc.sql("select locked_until from identity.users where username = 'idt-lockout'")
                .query(OffsetDateTime.class)
                .single();
        assertThat(lockedUntil).isAfter(OffsetDateTime.now());
        mvc.perform(login("idt-lockout", PASSWORD, "10.77.0.2"))
                .andExpect(redirectedUrl("/login?error"))
                .andExpect(unauthenticated());
    }

    @Test
    void throttlesAnAddressWithTooManyFailures() throws Exception {
        String address = "10.77.1.1";
        IdentityFixtures.ensure(users, "idt-throttled", Role.DUTY_OFFICER, DISTRICT_A);
        for (int i = 0; i < 20; i++) {
            mvc.perform(login("idt-ghost-" + i, "wrong-password", address)).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(login("idt-throttled", PASSWORD, address))
                .andExpect(redirectedUrl("/login?locked"))
                .andExpect(header().exists("Retry-After"))
                .andExpect(unauthenticated());
        mvc.perform(get("/login").param("locked", "")).andExpect(content().string(Matchers.containsString("稍后再试")));
        mvc.perform(login("idt-throttled", PASSWORD, "10.77.1.2")).andExpect(authenticated());
    }

    @Test
    void formPostsNeedTheCsrfToken() throws Exception {
        IdentityFixtures.ensure(users, "idt-csrf", Role.DUTY_OFFICER, DISTRICT_A);
        mvc.perform(post("/login").param("username", "idt-csrf").param("password", PASSWORD))
                .andExpect(status().isForbidden())
                .andExpect(unauthenticated());
        mvc.perform(post("/me/tokens").param("name", "x").with(testUsers.as("idt-csrf")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/me/tokens")
                        .contentType("application/json")
                        .content("{\"name\":\"x\"}")
                        .with(testUsers.as("idt-csrf")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/me/tokens").param("name", "with-csrf").with(csrf()).with(testUsers.as("idt-csrf")))
                .andExpect(status().isOk());
    }

    @Test
    void pagesAndApiAnswersCarryTheHardeningHeaders() throws Exception {
        IdentityFixtures.ensure(users, "idt-headers", Role.DUTY_OFFICER, DISTRICT_A);
        for (MockHttpServletRequestBuilder request : new MockHttpServletRequestBuilder[] {
            get("/login"), get("/api/v1/me").with(testUsers.as("idt-headers"))
        }) {
            mvc.perform(request)
                    .andExpect(status().isOk())
                    .andExpect(header().string("X-Frame-Options", "DENY"))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(header().string("Referrer-Policy", "same-origin"))
                    .andExpect(header().string("Content-Security-Policy", Matchers.containsString("script-src 'self'")))
                    .andExpect(header().string(
                                    "Content-Security-Policy", Matchers.containsString("frame-ancestors 'none'")))
                    .andExpect(header().string("Permissions-Policy", Matchers.containsString("microphone=()")))
                    .andExpect(header().doesNotExist("Strict-Transport-Security"));
        }
        mvc.perform(get("/login").secure(true))
                .andExpect(header().string("Strict-Transport-Security", Matchers.containsString("max-age=31536000")));
    }

    @Test
    void anonymousApiCallsGetAProblem() throws Exception {
        mvc.perform(get("/api/v1/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/me")).andExpect(status().is3xxRedirection());
    }
}
