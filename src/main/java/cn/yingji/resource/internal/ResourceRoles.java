package cn.yingji.resource.internal;

import cn.yingji.identity.CurrentUser;
import cn.yingji.identity.CurrentUser.Account;
import cn.yingji.identity.Role;
import cn.yingji.resource.Team;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may write what in the resource module (on top of the capture jurisdiction, which is always checked): duty
 * officers, commanders, district and township officers and administrators keep the registries and dispatch; a rescue
 * team leader changes the status and sends position pings of the teams they lead, and nothing else. Everyone else
 * reads within their view scope. The system (nobody signed in) may write everything.
 */
@Component
class ResourceRoles {

    static final Set<Role> WRITERS =
            EnumSet.of(Role.DUTY_OFFICER, Role.COMMANDER, Role.DISTRICT_OFFICER, Role.TOWNSHIP_OFFICER, Role.ADMIN);

    private final CurrentUser currentUser;

    ResourceRoles(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    /** Fails with 403 unless the caller keeps registries and dispatches. */
    void requireWriter() {
        if (!canWrite()) {
            throw new AccessDeniedException("the resource registries are read-only for this role");
        }
    }

    /** True when the caller keeps registries (for showing buttons). */
    boolean canWrite() {
        Optional<Account> a = currentUser.get();
        return a.isEmpty() || a.get().roles().stream().anyMatch(WRITERS::contains);
    }

    /** True when the caller may change the team's status: a writer, or the team's own leader. */
    boolean canOperate(Team team) {
        Optional<Account> a = currentUser.get();
        if (a.isEmpty() || a.get().roles().stream().anyMatch(WRITERS::contains)) {
            return true;
        }
        return a.get().has(Role.RESCUE_LEADER) && a.get().username().equals(team.leaderUsername());
    }

    /** Fails with 403 unless {@link #canOperate}. */
    void requireOperator(Team team) {
        if (!canOperate(team)) {
            throw new AccessDeniedException("only registry keepers and the team's own leader change its status");
        }
    }

    /** True when the caller is the team's leader (a rescue leader writes only their own team's status). */
    boolean isLeaderOnly() {
        Optional<Account> a = currentUser.get();
        return a.isPresent() && a.get().roles().stream().noneMatch(WRITERS::contains);
    }
}
