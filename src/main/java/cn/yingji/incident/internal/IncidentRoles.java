package cn.yingji.incident.internal;

import cn.yingji.identity.CurrentUser;
import cn.yingji.identity.CurrentUser.Account;
import cn.yingji.identity.Role;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may write on events: the operational roles (duty officer, commander, district and township officers), each
 * inside their capture scope. Administrators maintain the configuration tables but do not record or report events.
 * Outside a request (scheduled jobs, listeners) the system acts.
 */
@Component
class IncidentRoles {

    static final Set<Role> OPERATORS =
            Set.of(Role.DUTY_OFFICER, Role.COMMANDER, Role.DISTRICT_OFFICER, Role.TOWNSHIP_OFFICER);

    private final CurrentUser currentUser;

    IncidentRoles(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    String actor() {
        return currentUser.get().map(Account::username).orElse("system");
    }

    Optional<Account> account() {
        return currentUser.get();
    }

    boolean isOperator(Account a) {
        return OPERATORS.stream().anyMatch(a::has);
    }

    /** Fails with 403 unless the caller is an operator (or the system). */
    void requireOperator() {
        currentUser.get().ifPresent(a -> {
            if (!isOperator(a)) {
                throw new AccessDeniedException("incident writes need an operational role");
            }
        });
    }

    /** 404 when not visible, 403 when visible but not capturable or not an operator. */
    void requireWrite(String divisionPath, Object id) {
        if (currentUser.get().isEmpty()) {
            return;
        }
        currentUser.requireCapture(divisionPath, "incident", id);
        requireOperator();
    }

    void requireView(String divisionPath, Object id) {
        if (currentUser.get().isPresent()) {
            currentUser.requireView(divisionPath, "incident", id);
        }
    }

    void requireAdmin() {
        Account a = currentUser.require();
        if (!a.has(Role.ADMIN)) {
            throw new AccessDeniedException("configuration needs ADMIN");
        }
    }
}
