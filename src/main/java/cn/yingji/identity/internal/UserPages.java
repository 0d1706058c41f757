package cn.yingji.identity.internal;

import cn.yingji.identity.CurrentUser;
import cn.yingji.identity.Jurisdiction;
import cn.yingji.identity.NewUser;
import cn.yingji.identity.Role;
import cn.yingji.shared.ConflictException;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.PageQuery;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Administration pages for users, inside the administrator's jurisdiction. */
@Controller
class UserPages {

    private final UserAdministration admin;
    private final ScopeCodes scopes;
    private final IdentityFormat format;
    private final CurrentUser currentUser;

    UserPages(UserAdministration admin, ScopeCodes scopes, IdentityFormat format, CurrentUser currentUser) {
        this.admin = admin;
        this.scopes = scopes;
        this.format = format;
        this.currentUser = currentUser;
    }

    /**
     * What the user form posts. Divisions are entered as codes separated by spaces or commas.
     *
     * @param username login name (create only)
     * @param displayName shown name
     * @param password initial password (create only)
     * @param roles role names
     * @param homeDivision code of the home division (create only)
     * @param captureDivisions codes of the capture scopes
     * @param viewDivisions codes of the view scopes
     * @param enabled "true" when the account may sign in (edit only)
     * @param version version the form was loaded with (edit only)
     */
    record UserForm(
            @Nullable String username,
            @Nullable String displayName,
            @Nullable String password,
            @Nullable List<String> roles,
            @Nullable String homeDivision,
            @Nullable String captureDivisions,
            @Nullable String viewDivisions,
            @Nullable String enabled,
            @Nullable Integer version) {

        static UserForm of(UserAdministration.UserView u) {
            return new UserForm(
                    u.username(),
                    u.displayName(),
                    null,
                    u.roles().stream().map(Enum::name).toList(),
                    ScopeCodes.lastSegment(u.homePath()),
                    ScopeCodes.codes(u.capture()),
                    ScopeCodes.codes(u.view().stream()
                            .filter(p -> !u.capture().contains(p))
                            .toList()),
                    Boolean.toString(u.enabled()),
                    u.version());
        }

        public boolean hasRole(Role role) {
            return roles != null && roles.contains(role.name());
        }
    }

    @GetMapping("/admin/users")
    String list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer page,
            Model model) {
        model.addAttribute("q", q);
        model.addAttribute("result", admin.list(q, PageQuery.of(page, 20)));
        return "identity/users";
    }

    @GetMapping("/admin/users/new")
    String createForm(Model model) {
        String home = currentUser.jurisdiction().capture().stream()
                .findFirst()
                .map(ScopeCodes::lastSegment)
                .orElse("");
        return form(model, new UserForm(null, null, null, List.of(), home, home, null, "true", null), null, Map.of());
    }

    @PostMapping("/admin/users/new")
    String create(UserForm form, Model model) {
        try {
            String home = scopes.path(form.homeDivision(), "homeDivision");
            var created = admin.create(new NewUser(
                    form.username(),
                    form.displayName(),
                    form.password(),
                    IdentityFormat.roles(form.roles()),
                    home,
                    jurisdiction(form),
                    null,
                    false));
            return "redirect:/admin/users/" + created.id();
        } catch (InvalidInputException | ConflictException e) {
            return form(model, form, null, format.errors(e));
        }
    }

    @GetMapping("/admin/users/{id}")
    String detail(@PathVariable UUID id, Model model) {
        model.addAttribute("user", admin.get(id));
        return "identity/user";
    }

    @GetMapping("/admin/users/{id}/edit")
    String editForm(@PathVariable UUID id, Model model) {
        return form(model, UserForm.of(admin.get(id)), id, Map.of());
    }

    @PostMapping("/admin/users/{id}/edit")
    String edit(@PathVariable UUID id, UserForm form, Model model) {
        admin.get(id);
        try {
            admin.update(
                    id,
                    form.version() == null ? -1 : form.version(),
                    new UserAdministration.UserChanges(
                            form.displayName(),
                            IdentityFormat.roles(form.roles()),
                            "true".equals(form.enabled()),
                            jurisdiction(form)));
            return "redirect:/admin/users/" + id;
        } catch (InvalidInputException | ConflictException e) {
            return form(model, form, id, format.errors(e));
        }
    }

    /** Shows the new password once, on this response only (it is never stored in the session). */
    @PostMapping("/admin/users/{id}/reset-password")
    String resetPassword(
            @PathVariable UUID id, @RequestParam(required = false) @Nullable Integer version, Model model) {
        try {
            model.addAttribute("newPassword", admin.resetPassword(id, version == null ? -1 : version));
        } catch (ConflictException e) {
            model.addAttribute("errors", format.errors(e));
        }
        model.addAttribute("user", admin.get(id));
        return "identity/user";
    }

    @PostMapping("/admin/users/{id}/disable")
    String disable(@PathVariable UUID id, @RequestParam(required = false) @Nullable Integer version, Model model) {
        try {
            admin.disable(id, version == null ? -1 : version);
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("errors", format.errors(e));
            model.addAttribute("user", admin.get(id));
            return "identity/user";
        }
        return "redirect:/admin/users/" + id;
    }

    private Jurisdiction jurisdiction(UserForm form) {
        return new Jurisdiction(
                scopes.paths(listOf(form.captureDivisions()), "capture"),
                scopes.paths(listOf(form.viewDivisions()), "view"));
    }

    private static List<String> listOf(@Nullable String text) {
        return text == null ? List.of() : List.of(text);
    }

    private String form(Model model, UserForm form, @Nullable UUID id, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("id", id);
        model.addAttribute("errors", errors);
        model.addAttribute("allRoles", Role.values());
        model.addAttribute(
                "myScopes", ScopeCodes.codes(currentUser.jurisdiction().capture()));
        return "identity/user-form";
    }
}
