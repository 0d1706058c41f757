package cn.yingji.identity.internal;

import static cn.yingji.identity.internal.DefaultUserManagement.AUDIT_TYPE;

import cn.yingji.identity.AuditTrail;
import cn.yingji.identity.CurrentUser;
import cn.yingji.identity.CurrentUser.Account;
import cn.yingji.identity.Jurisdiction;
import cn.yingji.identity.NewUser;
import cn.yingji.identity.Role;
import cn.yingji.identity.UserId;
import cn.yingji.identity.UserManagement;
import cn.yingji.shared.ConflictException;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NotFoundException;
import cn.yingji.shared.PageQuery;
import cn.yingji.shared.PageResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * User administration for administrators, inside their jurisdiction: users whose home division lies outside the
 * administrator's view scope do not exist for them (404); changing a user needs capture scope over its home
 * division, and scopes can only be granted inside the administrator's own capture scope.
 */
@Service
class UserAdministration {

    static final int GENERATED_PASSWORD_LENGTH = 16;

    private final JdbcUsers users;
    private final UserManagement management;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final CurrentUser currentUser;

    UserAdministration(
            JdbcUsers users,
            UserManagement management,
            PasswordEncoder encoder,
            AuditTrail audit,
            CurrentUser currentUser) {
        this.users = users;
        this.management = management;
        this.encoder = encoder;
        this.audit = audit;
        this.currentUser = currentUser;
    }

    /**
     * A user as administrators see it (never with the password hash).
     *
     * @param id user id
     * @param username login name
     * @param displayName shown name
     * @param roles roles, sorted
     * @param enabled false when the account is disabled
     * @param homePath division where the account is administered
     * @param capture capture scopes
     * @param view view scopes (including the capture scopes)
     * @param demo true for demo accounts
     * @param lockedUntil end of a lock after failed logins, if locked now
     * @param lastLoginAt last successful sign-in
     * @param version optimistic-locking version, to send back with changes
     */
    record UserView(
            UUID id,
            String username,
            String displayName,
            List<Role> roles,
            boolean enabled,
            String homePath,
            List<String> capture,
            List<String> view,
            boolean demo,
            @Nullable Instant lockedUntil,
            @Nullable Instant lastLoginAt,
            int version) {}

    /**
     * Changes to a user.
     *
     * @param displayName new shown name
     * @param roles new roles (at least one)
     * @param enabled whether the account may sign in
     * @param jurisdiction new capture and view scopes
     */
    record UserChanges(String displayName, Set<Role> roles, boolean enabled, Jurisdiction jurisdiction) {}

    @Transactional(readOnly = true)
    PageResult<UserView> list(@Nullable String q, PageQuery page) {
        Account me = requireAdmin();
        List<String> patterns = me.jurisdiction().viewPatterns();
        List<UserView> items = users.page(patterns, q, page.offset(), page.size()).stream()
                .map(this::view)
                .toList();
        return new PageResult<>(items, page.page(), page.size(), users.countMatching(patterns, q));
    }

    @Transactional(readOnly = true)
    UserView get(UUID id) {
        requireAdmin();
        return view(visible(id));
    }

    @Transactional
    UserView create(NewUser user) {
        requireAdmin();
        UserId id = management.create(user);
        return get(id.value());
    }

    @Transactional
    UserView update(UUID id, int version, UserChanges changes) {
        Account me = requireAdmin();
        JdbcUsers.UserRow row = writable(id);
        DefaultUserManagement.validateDisplayName(changes.displayName());
        if (changes.roles() == null || changes.roles().isEmpty()) {
            throw InvalidInputException.field("roles", "identity.error.roles");
        }
        DefaultUserManagement.requireGrantable(me.jurisdiction(), changes.jurisdiction());
        if (row.id().equals(me.id().value())
                && (!changes.enabled() || !changes.roles().contains(Role.ADMIN))) {
            throw InvalidInputException.field("roles", "identity.error.selfLockout");
        }
        Jurisdiction before = users.jurisdictionOf(id);
        if (!users.update(id, version, changes.displayName().trim(), changes.roles(), changes.enabled())) {
            throw new ConflictException("identity.error.stale");
        }
        users.replaceScopes(id, changes.jurisdiction());
        JdbcUsers.UserRow after = users.findById(id).orElseThrow();
        audit.record(
                "update",
                AUDIT_TYPE,
                id.toString(),
                row.homePath(),
                DefaultUserManagement.snapshot(row, before),
                DefaultUserManagement.snapshot(after, users.jurisdictionOf(id)));
        return view(after);
    }

    /** Disables the account (it can neither sign in nor use its API tokens). */
    @Transactional
    UserView disable(UUID id, int version) {
        JdbcUsers.UserRow row = writable(id);
        return update(id, version, new UserChanges(row.displayName(), row.roles(), false, users.jurisdictionOf(id)));
    }

    /** Sets a new random password, clears any lock and returns the password, which is shown once. */
    @Transactional
    String resetPassword(UUID id, int version) {
        requireAdmin();
        JdbcUsers.UserRow row = writable(id);
        String password = AdminBootstrap.randomPassword(GENERATED_PASSWORD_LENGTH);
        if (!users.updatePassword(id, version, encoder.encode(password))) {
            throw new ConflictException("identity.error.stale");
        }
        audit.record("reset-password", AUDIT_TYPE, id.toString(), row.homePath(), null, Map.of("password", "reset"));
        return password;
    }

    private Account requireAdmin() {
        Account me = currentUser.require();
        if (!me.has(Role.ADMIN)) {
            throw new AccessDeniedException("administrators only");
        }
        return me;
    }

    private JdbcUsers.UserRow visible(UUID id) {
        JdbcUsers.UserRow row = users.findById(id).orElseThrow(() -> new NotFoundException("user", id));
        currentUser.requireView(row.homePath(), "user", id);
        return row;
    }

    private JdbcUsers.UserRow writable(UUID id) {
        requireAdmin();
        JdbcUsers.UserRow row = visible(id);
        currentUser.requireCapture(row.homePath(), "user", id);
        return row;
    }

    UserView view(JdbcUsers.UserRow row) {
        Jurisdiction j = users.jurisdictionOf(row.id());
        Instant locked =
                row.lockedUntil() != null && row.lockedUntil().isAfter(Instant.now()) ? row.lockedUntil() : null;
        return new UserView(
                row.id(),
                row.username(),
                row.displayName(),
                row.roles().stream().sorted().toList(),
                row.enabled(),
                row.homePath(),
                j.capture(),
                j.view(),
                row.demo(),
                locked,
                row.lastLoginAt(),
                row.version());
    }
}
