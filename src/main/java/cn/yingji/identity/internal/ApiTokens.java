package cn.yingji.identity.internal;

import cn.yingji.identity.AuditTrail;
import cn.yingji.identity.CurrentUser;
import cn.yingji.identity.CurrentUser.Account;
import cn.yingji.shared.ConflictException;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: random 256-bit secrets shown once at creation; the database keeps a SHA-256 hash and a short
 * visible prefix, so a stolen table does not give working tokens. A token acts with its owner's roles and scopes.
 */
@Service
class ApiTokens {

    static final String PREFIX = "yj_";
    static final int VISIBLE = PREFIX.length() + 8;
    static final int MAX_ACTIVE = 20;
    static final String AUDIT_TYPE = "identity.api-token";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcApiTokens tokens;
    private final JdbcUsers users;
    private final CurrentUser currentUser;
    private final AuditTrail audit;

    ApiTokens(JdbcApiTokens tokens, JdbcUsers users, CurrentUser currentUser, AuditTrail audit) {
        this.tokens = tokens;
        this.users = users;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /**
     * A token as its owner sees it later (never the secret).
     *
     * @param id token id
     * @param name owner's label
     * @param prefix first characters of the token, to recognise it
     * @param createdAt creation time
     * @param expiresAt expiry, if any
     * @param lastUsedAt last use (updated at most once a minute)
     * @param revokedAt revocation time, if revoked
     * @param active true when the token still authenticates
     */
    record TokenView(
            UUID id,
            String name,
            String prefix,
            Instant createdAt,
            @Nullable Instant expiresAt,
            @Nullable Instant lastUsedAt,
            @Nullable Instant revokedAt,
            boolean active) {}

    /**
     * A freshly created token: the only time its secret is available.
     *
     * @param token the full secret for {@code Authorization: Bearer}
     * @param info what is stored about it
     */
    record CreatedToken(String token, TokenView info) {}

    @Transactional
    CreatedToken create(@Nullable String name, @Nullable Instant expiresAt) {
        Account me = currentUser.require();
        if (name == null || name.isBlank() || name.length() > 100) {
            throw InvalidInputException.field("name", "identity.error.tokenName");
        }
        if (expiresAt != null && !expiresAt.isAfter(Instant.now())) {
            throw InvalidInputException.field("expiresAt", "identity.error.tokenExpiry");
        }
        if (tokens.activeCount(me.id().value()) >= MAX_ACTIVE) {
            throw new ConflictException("identity.error.tooManyTokens", MAX_ACTIVE);
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UUID id = UUID.randomUUID();
        String prefix = token.substring(0, VISIBLE);
        tokens.insert(id, me.id().value(), name.trim(), prefix, sha256(token), expiresAt);
        TokenView view = view(tokens.find(id).orElseThrow());
        audit.record("create", AUDIT_TYPE, id.toString(), homePath(me), null, auditState(view, me));
        return new CreatedToken(token, view);
    }

    @Transactional(readOnly = true)
    List<TokenView> mine() {
        return tokens.ofUser(currentUser.require().id().value()).stream()
                .map(ApiTokens::view)
                .toList();
    }

    @Transactional
    void revoke(UUID id) {
        Account me = currentUser.require();
        JdbcApiTokens.TokenRow row = tokens.find(id)
                .filter(t -> t.userId().equals(me.id().value()))
                .orElseThrow(() -> new NotFoundException("token", id));
        if (tokens.revoke(id)) {
            TokenView before = view(row);
            audit.record(
                    "revoke",
                    AUDIT_TYPE,
                    id.toString(),
                    homePath(me),
                    auditState(before, me),
                    auditState(view(tokens.find(id).orElseThrow()), me));
        }
    }

    /** The principal a presented token stands for, if the token is known, not revoked, not expired and enabled. */
    @Transactional
    Optional<UserAccount> authenticate(String presented) {
        if (!presented.startsWith(PREFIX) || presented.length() > 200) {
            return Optional.empty();
        }
        Optional<JdbcApiTokens.TokenRow> found = tokens.findByHash(sha256(presented));
        if (found.isEmpty() || !view(found.get()).active()) {
            return Optional.empty();
        }
        JdbcApiTokens.TokenRow token = found.get();
        Optional<JdbcUsers.UserRow> user = users.findById(token.userId()).filter(JdbcUsers.UserRow::enabled);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        tokens.touch(token.id());
        return Optional.of(new UserAccount(users.account(user.get()), "", true, false));
    }

    private @Nullable String homePath(Account me) {
        return users.findById(me.id().value()).map(JdbcUsers.UserRow::homePath).orElse(null);
    }

    private static Map<String, Object> auditState(TokenView t, Account owner) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("owner", owner.username());
        out.put("name", t.name());
        out.put("prefix", t.prefix());
        out.put("expiresAt", t.expiresAt() == null ? null : t.expiresAt().toString());
        out.put("revokedAt", t.revokedAt() == null ? null : t.revokedAt().toString());
        return out;
    }

    static TokenView view(JdbcApiTokens.TokenRow r) {
        Instant now = Instant.now();
        boolean active =
                r.revokedAt() == null && (r.expiresAt() == null || r.expiresAt().isAfter(now));
        return new TokenView(
                r.id(), r.name(), r.prefix(), r.createdAt(), r.expiresAt(), r.lastUsedAt(), r.revokedAt(), active);
    }

    static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
