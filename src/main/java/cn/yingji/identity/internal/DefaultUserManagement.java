package cn.yingji.identity.internal;

import cn.yingji.identity.AuditTrail;
import cn.yingji.identity.CurrentUser;
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
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class DefaultUserManagement implements UserManagement {

    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,64}");
    static final int MIN_PASSWORD = 10;

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
        if (cmd.displayName() == null
                || cmd.displayName().isBlank()
                || cmd.displayName().length() > 100) {
            throw InvalidInputException.field("displayName", "identity.error.displayName");
        }
        if (cmd.rawPassword() == null || cmd.rawPassword().length() < MIN_PASSWORD) {
            throw InvalidInputException.field("password", "identity.error.passwordLength", MIN_PASSWORD);
        }
        if (cmd.roles() == null || cmd.roles().isEmpty()) {
            throw InvalidInputException.field("roles", "identity.error.roles");
        }
        currentUser.get().ifPresent(me -> {
            if (!me.has(Role.ADMIN) || !me.jurisdiction().canCapture(cmd.homePath())) {
                throw new AccessDeniedException("only an administrator of " + cmd.homePath() + " may add users");
            }
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
                null);
        users.insert(row, cmd.jurisdiction());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("username", cmd.username());
        after.put("displayName", cmd.displayName());
        after.put("roles", cmd.roles().stream().map(Enum::name).sorted().toList());
        after.put("capture", cmd.jurisdiction().capture());
        after.put("view", cmd.jurisdiction().view());
        audit.record("create", "identity.user", id.toString(), cmd.homePath(), null, after);
        return new UserId(id);
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
