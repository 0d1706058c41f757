package cn.yingji.risk.internal;

import cn.yingji.identity.CurrentUser;
import cn.yingji.identity.CurrentUser.Account;
import cn.yingji.identity.Role;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may write what in the risk module (on top of the capture jurisdiction, which is always checked):
 *
 * <ul>
 *   <li>risk points and their assessments and control measures: enterprise users for points of an enterprise
 *       (安全生产法 Art. 41: the unit runs its own risk grading), township, district and department officers and
 *       administrators for any point;
 *   <li>major hazard sources: enterprise users for their enterprise's units, district and department officers and
 *       administrators (filing and supervision sit with the county-level 应急管理部门, 40号令); township officers
 *       only read;
 *   <li>the banding configuration: administrators only.
 * </ul>
 *
 * Duty officers, commanders, grid workers and rescue leaders read within their view scope. The system (nobody signed
 * in: loaders, jobs) may write everything.
 */
@Component
class RiskRoles {

    static final Set<Role> POINT_WRITERS = EnumSet.of(
            Role.ENTERPRISE_USER, Role.TOWNSHIP_OFFICER, Role.DISTRICT_OFFICER, Role.DEPARTMENT_OFFICER, Role.ADMIN);
    static final Set<Role> SOURCE_WRITERS =
            EnumSet.of(Role.ENTERPRISE_USER, Role.DISTRICT_OFFICER, Role.DEPARTMENT_OFFICER, Role.ADMIN);

    private final CurrentUser currentUser;

    RiskRoles(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    /** Fails with 403 unless the caller may write risk points; {@code enterprisePoint} false means a place. */
    void requirePointWriter(boolean enterprisePoint) {
        Optional<Account> a = currentUser.get();
        if (a.isEmpty()) {
            return;
        }
        if (a.get().roles().stream().noneMatch(POINT_WRITERS::contains)) {
            throw new AccessDeniedException("risk points are read-only for this role");
        }
        if (!enterprisePoint && onlyEnterprise(a.get())) {
            throw new AccessDeniedException("enterprise users write only enterprise points");
        }
    }

    /** Fails with 403 unless the caller may write major hazard sources. */
    void requireSourceWriter() {
        Optional<Account> a = currentUser.get();
        if (a.isPresent() && a.get().roles().stream().noneMatch(SOURCE_WRITERS::contains)) {
            throw new AccessDeniedException("major hazard sources are read-only for this role");
        }
    }

    /** Fails with 403 unless the caller is an administrator (or the system). */
    void requireAdmin() {
        Optional<Account> a = currentUser.get();
        if (a.isPresent() && !a.get().has(Role.ADMIN)) {
            throw new AccessDeniedException("administrators only");
        }
    }

    /** True when the caller may write risk points at all (for showing buttons). */
    boolean canWritePoints() {
        return currentUser
                .get()
                .map(a -> a.roles().stream().anyMatch(POINT_WRITERS::contains))
                .orElse(false);
    }

    /** True when the caller may write major hazard sources (for showing buttons). */
    boolean canWriteSources() {
        return currentUser
                .get()
                .map(a -> a.roles().stream().anyMatch(SOURCE_WRITERS::contains))
                .orElse(false);
    }

    /** True for an administrator. */
    boolean isAdmin() {
        return currentUser.get().map(a -> a.has(Role.ADMIN)).orElse(false);
    }

    private static boolean onlyEnterprise(Account a) {
        return a.roles().stream().filter(POINT_WRITERS::contains).allMatch(r -> r == Role.ENTERPRISE_USER);
    }
}
