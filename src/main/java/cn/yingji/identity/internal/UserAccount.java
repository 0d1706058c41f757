package cn.yingji.identity.internal;

import cn.yingji.identity.CurrentUser.Account;
import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The Spring Security principal: the account plus what login needs. Kept in the HTTP session. */
final class UserAccount implements UserDetails, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Account account;
    private final String passwordHash;
    private final boolean enabled;
    private final boolean locked;

    UserAccount(Account account, String passwordHash, boolean enabled, boolean locked) {
        this.account = account;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.locked = locked;
    }

    Account account() {
        return account;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> list = account.roles().stream()
                .map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority()))
                .toList();
        return list;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return account.username();
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
