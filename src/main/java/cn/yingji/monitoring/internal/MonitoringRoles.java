package cn.yingji.monitoring.internal;

import cn.yingji.identity.CurrentUser;
import cn.yingji.identity.CurrentUser.Account;
import cn.yingji.identity.Role;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may do what in monitoring (on top of the capture jurisdiction):
 *
 * <ul>
 *   <li>register points and sensors and change their rules: administrators, department, district and duty officers;
 *   <li>send readings: those, plus enterprise users (their own monitoring systems upload);
 *   <li>研判 (dismiss an alarm, issue, update or cancel a warning) and import CAP: duty officers, commanders and
 *       administrators, and department officers (another department's forecasts).
 * </ul>
 *
 * Everyone else reads within their view scope. The system (nobody signed in) may do everything.
 */
@Component
class MonitoringRoles {

    static final Set<Role> SETUP =
            EnumSet.of(Role.ADMIN, Role.DEPARTMENT_OFFICER, Role.DISTRICT_OFFICER, Role.DUTY_OFFICER);
    static final Set<Role> INGEST = EnumSet.of(
            Role.ADMIN, Role.DEPARTMENT_OFFICER, Role.DISTRICT_OFFICER, Role.DUTY_OFFICER, Role.ENTERPRISE_USER);
    static final Set<Role> JUDGE = EnumSet.of(Role.ADMIN, Role.DUTY_OFFICER, Role.COMMANDER, Role.DEPARTMENT_OFFICER);

    private final CurrentUser currentUser;

    MonitoringRoles(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    void requireSetup() {
        require(SETUP, "monitoring setup");
    }

    void requireIngest() {
        require(INGEST, "sending readings");
    }

    void requireJudge() {
        require(JUDGE, "alarm and warning handling");
    }

    boolean canSetup() {
        return has(SETUP);
    }

    boolean canJudge() {
        return has(JUDGE);
    }

    private boolean has(Set<Role> roles) {
        return currentUser
                .get()
                .map(a -> a.roles().stream().anyMatch(roles::contains))
                .orElse(true);
    }

    private void require(Set<Role> roles, String what) {
        Optional<Account> a = currentUser.get();
        if (a.isPresent() && a.get().roles().stream().noneMatch(roles::contains)) {
            throw new AccessDeniedException(what + " is not allowed for this role");
        }
    }
}
