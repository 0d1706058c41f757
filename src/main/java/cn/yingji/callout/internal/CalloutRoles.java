package cn.yingji.callout.internal;

import cn.yingji.identity.CurrentUser;
import cn.yingji.identity.Role;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may do what in the 叫应 chain (on top of the capture jurisdiction): duty officers, commanders, district and
 * township officers and administrators start and close campaigns; administrators change policies. Anyone answers
 * their own calls.
 */
@Component
class CalloutRoles {

    static final Set<Role> STARTERS =
            EnumSet.of(Role.DUTY_OFFICER, Role.COMMANDER, Role.DISTRICT_OFFICER, Role.TOWNSHIP_OFFICER, Role.ADMIN);

    private final CurrentUser currentUser;

    CalloutRoles(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    void requireStarter() {
        currentUser.get().ifPresent(a -> {
            if (a.roles().stream().noneMatch(STARTERS::contains)) {
                throw new AccessDeniedException("campaigns are started by duty officers and officials");
            }
        });
    }

    boolean canStart() {
        return currentUser
                .get()
                .map(a -> a.roles().stream().anyMatch(STARTERS::contains))
                .orElse(false);
    }

    boolean isAdmin() {
        return currentUser.get().map(a -> a.has(Role.ADMIN)).orElse(false);
    }

    void requireAdmin() {
        currentUser.get().ifPresent(a -> {
            if (!a.has(Role.ADMIN)) {
                throw new AccessDeniedException("administrators only");
            }
        });
    }
}
