package cn.yingji.identity.internal;

import cn.yingji.identity.Jurisdiction;
import cn.yingji.identity.NewUser;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.PageQuery;
import cn.yingji.shared.PageResult;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** User administration API for administrators; scopes are given as division codes. */
@RestController
@RequestMapping("/api/v1/users")
class UserApiController {

    private final UserAdministration admin;
    private final ScopeCodes scopes;

    UserApiController(UserAdministration admin, ScopeCodes scopes) {
        this.admin = admin;
        this.scopes = scopes;
    }

    /**
     * A new user.
     *
     * @param username login name
     * @param displayName shown name
     * @param password initial password
     * @param roles role names
     * @param homeDivision code of the division where the account is administered
     * @param captureDivisions codes of capture scopes
     * @param viewDivisions codes of view scopes
     */
    record CreateBody(
            @Nullable String username,
            @Nullable String displayName,
            @Nullable String password,
            @Nullable List<String> roles,
            @Nullable String homeDivision,
            @Nullable List<String> captureDivisions,
            @Nullable List<String> viewDivisions) {}

    /**
     * Changes to a user; all fields are replaced.
     *
     * @param displayName shown name
     * @param roles role names
     * @param enabled whether the account may sign in
     * @param captureDivisions codes of capture scopes
     * @param viewDivisions codes of view scopes
     * @param version the version read before (optimistic locking)
     */
    record UpdateBody(
            @Nullable String displayName,
            @Nullable List<String> roles,
            @Nullable Boolean enabled,
            @Nullable List<String> captureDivisions,
            @Nullable List<String> viewDivisions,
            @Nullable Integer version) {}

    /**
     * Carries the version for state changes.
     *
     * @param version the version read before
     */
    record VersionBody(@Nullable Integer version) {}

    @GetMapping
    PageResult<UserAdministration.UserView> list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        return admin.list(q, PageQuery.of(page, size));
    }

    @GetMapping("/{id}")
    UserAdministration.UserView one(@PathVariable UUID id) {
        return admin.get(id);
    }

    @PostMapping
    ResponseEntity<UserAdministration.UserView> create(@RequestBody CreateBody body) {
        String home = scopes.path(body.homeDivision(), "homeDivision");
        var created = admin.create(new NewUser(
                body.username(),
                body.displayName(),
                body.password(),
                IdentityFormat.roles(body.roles()),
                home,
                new Jurisdiction(
                        scopes.paths(body.captureDivisions(), "captureDivisions"),
                        scopes.paths(body.viewDivisions(), "viewDivisions")),
                null,
                false));
        return ResponseEntity.status(HttpStatus.CREATED).body(created);
    }

    @PutMapping("/{id}")
    UserAdministration.UserView update(@PathVariable UUID id, @RequestBody UpdateBody body) {
        admin.get(id);
        return admin.update(
                id,
                version(body.version()),
                new UserAdministration.UserChanges(
                        body.displayName(),
                        IdentityFormat.roles(body.roles()),
                        body.enabled() == null || body.enabled(),
                        new Jurisdiction(
                                scopes.paths(body.captureDivisions(), "captureDivisions"),
                                scopes.paths(body.viewDivisions(), "viewDivisions"))));
    }

    /** Sets a random new password and returns it; this response is the only place it appears. */
    @PostMapping("/{id}/password-reset")
    Map<String, String> resetPassword(@PathVariable UUID id, @RequestBody VersionBody body) {
        return Map.of("password", admin.resetPassword(id, version(body.version())));
    }

    @PostMapping("/{id}/disable")
    UserAdministration.UserView disable(@PathVariable UUID id, @RequestBody VersionBody body) {
        return admin.disable(id, version(body.version()));
    }

    private static int version(@Nullable Integer version) {
        if (version == null) {
            throw InvalidInputException.field("version", "identity.error.versionRequired");
        }
        return version;
    }
}
