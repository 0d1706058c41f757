package cn.yingji.identity.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Counts failed logins per account and locks it for a while after too many, so passwords cannot be guessed. */
@Component
class LoginAttemptListener {

    private final JdbcUsers users;
    private final LoginPolicy policy;

    LoginAttemptListener(JdbcUsers users, LoginPolicy policy) {
        this.users = users;
        this.policy = policy;
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        users.recordLoginFailure(event.getAuthentication().getName(), policy.maxFailures(), policy.lockSeconds());
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof UserAccount ua) {
            users.recordLoginSuccess(ua.getUsername());
        }
    }

    /**
     * Login throttling policy.
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
