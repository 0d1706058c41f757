package cn.yingji.identity.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per account and locks it for a while after too many, so passwords cannot be guessed; also
 * counts every failed form login against the client address (see {@link LoginThrottle}).
 */
@Component
class LoginAttemptListener {

    private final JdbcUsers users;
    private final LoginPolicy policy;
    private final LoginThrottle throttle;

    LoginAttemptListener(JdbcUsers users, LoginPolicy policy, LoginThrottle throttle) {
        this.users = users;
        this.policy = policy;
        this.throttle = throttle;
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            users.recordLoginFailure(event.getAuthentication().getName(), policy.maxFailures(), policy.lockSeconds());
        }
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null) {
            throttle.failure(details.getRemoteAddress());
        }
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof UserAccount ua) {
            users.recordLoginSuccess(ua.getUsername());
        }
    }

    /**
     * Per-account login lockout policy.
     *
     * @param maxFailures consecutive failures that lock an account
     * @param lockSeconds how long the lock lasts
     */
    @ConfigurationProperties("yingji.security.login")
    record LoginPolicy(int maxFailures, long lockSeconds) {
        LoginPolicy {
            if (maxFailures <= 0) {
                maxFailures = 5;
            }
            if (lockSeconds <= 0) {
                lockSeconds = 900;
            }
        }
    }
}
