package cn.yingji.identity.internal;

import cn.yingji.shared.PageQuery;
import cn.yingji.shared.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail over the API, for administrators: filtered pages and chain verification. */
@RestController
@RequestMapping("/api/v1/audit")
class AuditApiController {

    private final AuditLog log;
    private final IdentityFormat format;

    AuditApiController(AuditLog log, IdentityFormat format) {
        this.log = log;
        this.format = format;
    }

    @GetMapping
    PageResult<AuditLog.Entry> list(
            @RequestParam(required = false) @Nullable String entityType,
            @RequestParam(required = false) @Nullable String entityId,
            @RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        return log.page(
                new AuditLog.Filter(entityType, entityId, actor, format.from(from, "from"), format.to(to, "to")),
                PageQuery.of(page, size));
    }

    /** Walks the whole chain: {@code {valid, checked, firstBrokenSeq}}. */
    @GetMapping("/verify")
    AuditLog.Verification verify() {
        return log.verify();
    }
}
