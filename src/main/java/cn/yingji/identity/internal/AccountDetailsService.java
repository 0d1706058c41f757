package cn.yingji.identity.internal;

import java.time.Instant;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads accounts for form login; a locked-out account reports itself locked until the lock expires. */
@Service
class AccountDetailsService implements UserDetailsService {

    private final JdbcUsers users;

    AccountDetailsService(JdbcUsers users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        var row = users.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException(username));
        boolean locked = row.lockedUntil() != null && row.lockedUntil().isAfter(Instant.now());
        return new UserAccount(users.account(row), row.passwordHash(), row.enabled(), locked);
    }
}
