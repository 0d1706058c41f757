package cn.yingji.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Signs MockMvc requests in as a real platform account (the same principal form login produces), so
 * jurisdiction and roles apply exactly as in production.
 */
@Component
public class TestUsers {

    private final UserDetailsService users;

    public TestUsers(UserDetailsService users) {
        this.users = users;
    }

    /** A request post-processor authenticating as {@code username}, which must exist. */
    public RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }
}
