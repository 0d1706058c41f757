package cn.yingji.identity.internal;

import cn.yingji.shared.ConflictException;
import cn.yingji.shared.InvalidInputException;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The signed-in user's own page: profile, password change and personal API tokens. */
@Controller
class MePages {

    private final MyAccount account;
    private final ApiTokens tokens;
    private final IdentityFormat format;

    MePages(MyAccount account, ApiTokens tokens, IdentityFormat format) {
        this.account = account;
        this.tokens = tokens;
        this.format = format;
    }

    @GetMapping("/me")
    String me(@RequestParam(required = false) @Nullable String changed, Model model) {
        model.addAttribute("passwordChanged", changed != null);
        return page(model, Map.of());
    }

    @PostMapping("/me/password")
    String changePassword(
            @RequestParam(required = false) @Nullable String currentPassword,
            @RequestParam(required = false) @Nullable String password,
            @RequestParam(required = false) @Nullable String confirm,
            Model model) {
        try {
            if (password == null || !password.equals(confirm)) {
                throw InvalidInputException.field("confirm", "identity.error.confirm");
            }
            account.changePassword(currentPassword, password);
            return "redirect:/me?changed";
        } catch (InvalidInputException | ConflictException e) {
            return page(model, format.errors(e));
        }
    }

    /** Renders the new token on this response only; it cannot be shown again. */
    @PostMapping("/me/tokens")
    String createToken(
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String expiresAt,
            Model model) {
        try {
            model.addAttribute("created", tokens.create(name, format.expiry(expiresAt)));
            return page(model, Map.of());
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("tokenName", name);
            return page(model, format.errors(e));
        }
    }

    @PostMapping("/me/tokens/{id}/revoke")
    String revoke(@PathVariable UUID id) {
        tokens.revoke(id);
        return "redirect:/me";
    }

    private String page(Model model, Map<String, String> errors) {
        model.addAttribute("profile", account.profile());
        model.addAttribute("tokens", tokens.mine());
        model.addAttribute("errors", errors);
        model.addAttribute("minPassword", DefaultUserManagement.MIN_PASSWORD);
        return "identity/me";
    }
}
