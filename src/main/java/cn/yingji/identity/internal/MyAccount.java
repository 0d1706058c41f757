package cn.yingji.identity.internal;

import cn.yingji.identity.AuditTrail;
import cn.yingji.identity.CurrentUser;
import cn.yingji.identity.CurrentUser.Account;
import cn.yingji.shared.ConflictException;
import cn.yingji.shared.InvalidInputException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What signed-in users do with their own account: see it and change their password. */
@Service
class MyAccount {

    private final JdbcUsers users;
    private final PasswordEncoder encoder;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final UserAdministration administration;

    MyAccount(
            JdbcUsers users,
            PasswordEncoder encoder,
            CurrentUser currentUser,
            AuditTrail audit,
            UserAdministration administration) {
        this.users = users;
        this.encoder = encoder;
        this.currentUser = currentUser;
        this.audit = audit;
        this.administration = administration;
    }

    @Transactional(readOnly = true)
    UserAdministration.UserView profile() {
        Account me = currentUser.require();
        return administration.view(users.findById(me.id().value()).orElseThrow());
    }

    /**
     * Changes the caller's password after checking the current one.
     *
     * @throws InvalidInputException when the current password is wrong or the new one is too short, equal to the
     *     username or unchanged
     */
    @Transactional
    void changePassword(@Nullable String current, @Nullable String next) {
        Account me = currentUser.require();
        JdbcUsers.UserRow row = users.findById(me.id().value()).orElseThrow();
        if (current == null || !encoder.matches(current, row.passwordHash())) {
            throw InvalidInputException.field("currentPassword", "identity.error.currentPassword");
        }
        DefaultUserManagement.validatePassword(next, row.username());
        if (next.equals(current)) {
            throw InvalidInputException.field("password", "identity.error.passwordUnchanged");
        }
        if (!users.updatePassword(row.id(), row.version(), encoder.encode(next))) {
            throw new ConflictException("identity.error.stale");
        }
        audit.record(
                "change-password",
                DefaultUserManagement.AUDIT_TYPE,
                row.id().toString(),
                row.homePath(),
                null,
                Map.of("password", "changed"));
    }
}
