package cn.yingji.identity.internal;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own account over the API: profile, password, personal tokens. */
@RestController
@RequestMapping("/api/v1/me")
class MeApiController {

    private final MyAccount account;
    private final ApiTokens tokens;
    private final IdentityFormat format;

    MeApiController(MyAccount account, ApiTokens tokens, IdentityFormat format) {
        this.account = account;
        this.tokens = tokens;
        this.format = format;
    }

    /**
     * A password change.
     *
     * @param currentPassword the password now
     * @param newPassword the new password
     */
    record PasswordBody(
            @Nullable String currentPassword, @Nullable String newPassword) {}

    /**
     * A token to create.
     *
     * @param name a label
     * @param expiresAt optional expiry: ISO instant, local date-time or date (end of day) in the platform zone
     */
    record TokenBody(@Nullable String name, @Nullable String expiresAt) {}

    @GetMapping
    UserAdministration.UserView me() {
        return account.profile();
    }

    @PutMapping("/password")
    ResponseEntity<Void> changePassword(@RequestBody PasswordBody body) {
        account.changePassword(body.currentPassword(), body.newPassword());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/tokens")
    List<ApiTokens.TokenView> tokens() {
        return tokens.mine();
    }

    @PostMapping("/tokens")
    ResponseEntity<ApiTokens.CreatedToken> create(@RequestBody TokenBody body) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(tokens.create(body.name(), format.expiry(body.expiresAt())));
    }

    @DeleteMapping("/tokens/{id}")
    ResponseEntity<Void> revoke(@PathVariable UUID id) {
        tokens.revoke(id);
        return ResponseEntity.noContent().build();
    }
}
