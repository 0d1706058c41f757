package cn.yingji.identity.internal;

import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.PageQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Browsing the audit trail and checking its chain, for administrators. */
@Controller
class AuditPages {

    private final AuditLog log;
    private final IdentityFormat format;

    AuditPages(AuditLog log, IdentityFormat format) {
        this.log = log;
        this.format = format;
    }

    @GetMapping("/admin/audit")
    String list(
            @RequestParam(required = false) @Nullable String entityType,
            @RequestParam(required = false) @Nullable String entityId,
            @RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable String verify,
            Model model) {
        model.addAttribute("entityType", entityType);
        model.addAttribute("entityId", entityId);
        model.addAttribute("actor", actor);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        try {
            var filter =
                    new AuditLog.Filter(entityType, entityId, actor, format.from(from, "from"), format.to(to, "to"));
            model.addAttribute("result", log.page(filter, PageQuery.of(page, 20)));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", format.errors(e));
            model.addAttribute(
                    "result", log.page(new AuditLog.Filter(null, null, null, null, null), PageQuery.of(0, 20)));
        }
        if (verify != null) {
            model.addAttribute("verification", log.verify());
        }
        return "identity/audit";
    }
}
