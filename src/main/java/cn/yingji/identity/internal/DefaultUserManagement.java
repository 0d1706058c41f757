package cn.yingji.identity.internal;

import cn.yingji.identity.AuditTrail;
import cn.yingji.identity.CurrentUser;
import cn.yingji.identity.Jurisdiction;
import cn.yingji.identity.NewUser;
import cn.yingji.identity.Role;
import cn.yingji.identity.UserId;
import cn.yingji.identity.UserManagement;
import cn.yingji.shared.ConflictException;
import cn.yingji.shared.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class DefaultUserManagement implements UserManagement {

    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,64}");
    static final Pattern PATH = Pattern.compile("/([0-9A-Za-z]+/)*");
    static final int MIN_PASSWORD = 10;
    static final int MAX_PASSWORD = 200;

    private final JdbcUsers users;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final CurrentUser currentUser;

    DefaultUserManagement(JdbcUsers users, PasswordEncoder encoder, AuditTrail audit, CurrentUser currentUser) {
        this.users = users;
        this.encoder = encoder;
        this.audit = audit;
        this.currentUser = currentUser;
    }

    @Override
    @Transactional
    public UserId create(NewUser cmd) {
        if (cmd.username() == null || !USERNAME.matcher(cmd.username()).matches()) {
            throw InvalidInputException.field("username", "identity.error.username");
        }
        validateDisplayName(cmd.displayName());
        validatePassword(cmd.rawPassword(), cmd.username());
        if (cmd.roles() == null || cmd.roles().isEmpty()) {
            throw InvalidInputException.field("roles", "identity.error.roles");
        }
        if (cmd.homePath() == null || !PATH.matcher(cmd.homePath()).matches()) {
            throw InvalidInputException.field("homePath", "identity.error.homePath");
        }
        Jurisdiction scopes = cmd.jurisdiction() == null ? Jurisdiction.none() : cmd.jurisdiction();
        currentUser.get().ifPresent(me -> {
            if (!me.has(Role.ADMIN) || !me.jurisdiction().canCapture(cmd.homePath())) {
                throw new AccessDeniedException("only an administrator of " + cmd.homePath() + " may add users");
            }
            requireGrantable(me.jurisdiction(), scopes);
        });
        if (users.findByUsername(cmd.username()).isPresent()) {
            throw new ConflictException("identity.error.usernameTaken", cmd.username());
        }
        UUID id = UUID.randomUUID();
        var row = new JdbcUsers.UserRow(
                id,
                cmd.username(),
                cmd.displayName().trim(),
                encoder.encode(cmd.rawPassword()),
                cmd.roles(),
                true,
                cmd.homePath(),
                cmd.demo(),
                0,
                null,
                cmd.personId(),
                null,
                0);
        users.insert(row, scopes);
        audit.record("create", AUDIT_TYPE, id.toString(), cmd.homePath(), null, snapshot(row, scopes));
        return new UserId(id);
    }

    static final String AUDIT_TYPE = "identity.user";

    /** What the audit trail keeps of a user: never the password hash. */
    static Map<String, Object> snapshot(JdbcUsers.UserRow row, Jurisdiction scopes) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("username", row.username());
        out.put("displayName", row.displayName());
        out.put("roles", row.roles().stream().map(Enum::name).sorted().toList());
        out.put("enabled", row.enabled());
        out.put("homePath", row.homePath());
        out.put("capture", scopes.capture());
        out.put("view", scopes.view());
        return out;
    }

    /** Scopes an administrator grants must lie inside the administrator's own capture scope. */
    static void requireGrantable(Jurisdiction admin, Jurisdiction granted) {
        for (String p : granted.capture()) {
            if (!admin.canCapture(p)) {
                throw InvalidInputException.field("capture", "identity.error.scopeOutside", p);
            }
        }
        for (String p : granted.view()) {
            if (!admin.canCapture(p)) {
                throw InvalidInputException.field("view", "identity.error.scopeOutside", p);
            }
        }
    }

    static void validateDisplayName(@Nullable String displayName) {
        if (displayName == null || displayName.isBlank() || displayName.length() > 100) {
            throw InvalidInputException.field("displayName", "identity.error.displayName");
        }
    }

    static void validatePassword(@Nullable String password, String username) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw InvalidInputException.field("password", "identity.error.passwordLength", MIN_PASSWORD);
        }
        if (password.equalsIgnoreCase(username)) {
            throw InvalidInputException.field("password", "identity.error.passwordIsUsername");
        }
    }

    @Override
    public Optional<UserId> findByUsername(String username) {
        return users.findByUsername(username).map(r -> new UserId(r.id()));
    }

    @Override
    public long count() {
        return users.count();
    }
}
