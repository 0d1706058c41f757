package cn.yingji.identity.internal;

import cn.yingji.identity.CurrentUser;
import cn.yingji.shared.NotFoundException;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** {@link CurrentUser} read from the Spring Security context of the current thread. */
@Component
class SecurityCurrentUser implements CurrentUser {

    @Override
    public Optional<Account> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof UserAccount ua) {
            return Optional.of(ua.account());
        }
        return Optional.empty();
    }

    @Override
    public Account require() {
        return get().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("not signed in"));
    }

    @Override
    public void requireCapture(String divisionPath, String what, Object id) {
        if (!jurisdiction().canView(divisionPath)) {
            throw new NotFoundException(what, id);
        }
        if (!jurisdiction().canCapture(divisionPath)) {
            throw new AccessDeniedException("no capture right at " + divisionPath);
        }
    }
}
