package cn.yingji.hazard.internal;

import cn.yingji.directory.Directory;
import cn.yingji.directory.Organisation;
import cn.yingji.directory.OrganisationKind;
import cn.yingji.directory.PersonId;
import cn.yingji.hazard.Hazard;
import cn.yingji.hazard.HazardGrade;
import cn.yingji.hazard.HazardSource;
import cn.yingji.identity.CurrentUser;
import cn.yingji.identity.CurrentUser.Account;
import cn.yingji.identity.Role;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may take which step (on top of the capture jurisdiction, always checked):
 *
 * <ul>
 *   <li>report: every signed-in role except commanders and rescue leaders; residents anonymously;
 *   <li>verify, reject, merge: grid workers, township and district officers, duty and department officers, admins;
 *   <li>assign and close: township, district and department officers, admins;
 *   <li>start and rectify: the enterprise the hazard is assigned to (its users), township and district officers,
 *       admins;
 *   <li>accept: for 一般 hazards township, district and department officers, admins and the enterprise itself
 *       (internal acceptance); for 重大 hazards only the supervising level (district, department officers, duty
 *       officers, admins). Never the person who rectified.
 * </ul>
 *
 * An enterprise user whose account is linked to a directory person of an enterprise also sees and rectifies the
 * hazards assigned to that enterprise, wherever they are.
 */
@Component
class HazardRoles {

    static final Set<Role> REPORTERS = EnumSet.of(
            Role.GRID_WORKER,
            Role.ENTERPRISE_USER,
            Role.TOWNSHIP_OFFICER,
            Role.DISTRICT_OFFICER,
            Role.DEPARTMENT_OFFICER,
            Role.DUTY_OFFICER,
            Role.ADMIN);
    static final Set<Role> VERIFIERS = EnumSet.of(
            Role.GRID_WORKER,
            Role.TOWNSHIP_OFFICER,
            Role.DISTRICT_OFFICER,
            Role.DEPARTMENT_OFFICER,
            Role.DUTY_OFFICER,
            Role.ADMIN);
    static final Set<Role> ASSIGNERS =
            EnumSet.of(Role.TOWNSHIP_OFFICER, Role.DISTRICT_OFFICER, Role.DEPARTMENT_OFFICER, Role.ADMIN);
    static final Set<Role> RECTIFIERS =
            EnumSet.of(Role.ENTERPRISE_USER, Role.TOWNSHIP_OFFICER, Role.DISTRICT_OFFICER, Role.ADMIN);
    static final Set<Role> GENERAL_ACCEPTORS = EnumSet.of(
            Role.ENTERPRISE_USER, Role.TOWNSHIP_OFFICER, Role.DISTRICT_OFFICER, Role.DEPARTMENT_OFFICER, Role.ADMIN);
    static final Set<Role> MAJOR_ACCEPTORS =
            EnumSet.of(Role.DISTRICT_OFFICER, Role.DEPARTMENT_OFFICER, Role.DUTY_OFFICER, Role.ADMIN);

    private final CurrentUser currentUser;
    private final Directory directory;

    HazardRoles(CurrentUser currentUser, Directory directory) {
        this.currentUser = currentUser;
        this.directory = directory;
    }

    Optional<Account> account() {
        return currentUser.get();
    }

    String actor() {
        return currentUser.get().map(Account::displayName).orElse("system");
    }

    @Nullable
    UUID userId() {
        return currentUser.get().map(a -> a.id().value()).orElse(null);
    }

    /** The enterprise an enterprise user acts for (via their directory person), if any. */
    @Nullable
    UUID ownEnterprise() {
        Optional<Account> a = currentUser.get();
        if (a.isEmpty() || !a.get().has(Role.ENTERPRISE_USER) || a.get().personId() == null) {
            return null;
        }
        return directory
                .findPerson(new PersonId(a.get().personId()))
                .flatMap(p -> Optional.ofNullable(p.organisation()))
                .flatMap(directory::findOrganisation)
                .filter(o -> o.kind() == OrganisationKind.ENTERPRISE)
                .map(o -> o.id().value())
                .orElse(null);
    }

    Optional<Organisation> ownEnterpriseOrganisation() {
        UUID id = ownEnterprise();
        return id == null ? Optional.empty() : directory.findOrganisation(new cn.yingji.directory.OrganisationId(id));
    }

    HazardSource source() {
        Account a = currentUser.require();
        if (a.has(Role.GRID_WORKER)) {
            return HazardSource.GRID_WORKER;
        }
        if (a.has(Role.ENTERPRISE_USER)) {
            return HazardSource.ENTERPRISE;
        }
        return HazardSource.INSPECTOR;
    }

    void requireReporter() {
        require(REPORTERS, "reporting hazards");
    }

    /** Fails with 404 when not visible and 403 when not writable: capture scope or the own enterprise's hazard. */
    void requireWrite(Hazard h, @Nullable UUID ownEnterprise) {
        if (currentUser.get().isEmpty()) {
            return;
        }
        boolean own = ownEnterprise != null && ownEnterprise.equals(h.enterpriseId());
        if (!own) {
            currentUser.requireCapture(h.divisionPath(), "hazard", h.id());
        }
    }

    void require(Set<Role> roles, String what) {
        Optional<Account> a = currentUser.get();
        if (a.isPresent() && a.get().roles().stream().noneMatch(roles::contains)) {
            throw new AccessDeniedException(what + " is not allowed for this role");
        }
    }

    void requireAcceptor(Hazard h) {
        require(h.grade() == HazardGrade.MAJOR ? MAJOR_ACCEPTORS : GENERAL_ACCEPTORS, "accepting");
    }

    boolean has(Set<Role> roles) {
        return currentUser
                .get()
                .map(a -> a.roles().stream().anyMatch(roles::contains))
                .orElse(false);
    }
}
