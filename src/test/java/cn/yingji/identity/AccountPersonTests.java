package cn.yingji.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yingji.support.YingjiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The signed-in account tells other modules which directory person it belongs to. */
@YingjiTest
class AccountPersonTests {

    private final UserDetailsService details;
    private final CurrentUser currentUser;

    AccountPersonTests(UserDetailsService details, CurrentUser currentUser) {
        this.details = details;
        this.currentUser = currentUser;
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private void signIn(String username) {
        var user = details.loadUserByUsername(username);
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    @Test
    void demoEnterpriseUserIsLinkedToItsPerson() {
        signIn("enterprise");
        assertThat(currentUser.require().personId()).isNotNull();
        assertThat(currentUser.require().has(Role.ENTERPRISE_USER)).isTrue();
    }

    @Test
    void administratorWithoutPersonHasNone() {
        signIn("admin");
        assertThat(currentUser.require().personId()).isNull();
    }
}
