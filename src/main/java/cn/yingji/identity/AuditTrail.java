package cn.yingji.identity;

import org.jspecify.annotations.Nullable;

/**
 * The append-only, hash-chained record of every write. Modules call {@link #record} inside the transaction of the
 * write itself, so a change and its audit entry commit or roll back together.
 */
public interface AuditTrail {

    /**
     * Appends one entry for the current user (or {@code system} outside a request).
     *
     * @param action a verb such as {@code create}, {@code update}, {@code delete}, {@code import}
     * @param entityType the kind of thing changed, e.g. {@code geo.division}
     * @param entityId its identifier
     * @param divisionPath where it belongs (scopes who may browse the entry); null for platform-wide things
     * @param before state before the write (serialised as JSON); null on create
     * @param after state after the write; null on delete
     */
    void record(
            String action,
            String entityType,
            String entityId,
            @Nullable String divisionPath,
            @Nullable Object before,
            @Nullable Object after);
}
