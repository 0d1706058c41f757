package cn.yingji.identity;

import cn.yingji.shared.NotFoundException;
import java.util.Optional;
import java.util.Set;

/**
 * The user on whose behalf the current request or job runs. Modules use it to scope every query and to check every
 * write. Outside a request (scheduled jobs, event listeners) {@link #get()} is empty and callers must act as the
 * system explicitly.
 */
public interface CurrentUser {

    /** The signed-in user, if any. */
    Optional<Account> get();

    /** The signed-in user; fails (as 401 in the web layer) when nobody is signed in. */
    Account require();

    /** The caller's jurisdiction; {@link Jurisdiction#none()} when nobody is signed in. */
    default Jurisdiction jurisdiction() {
        return get().map(Account::jurisdiction).orElse(Jurisdiction.none());
    }

    /**
     * Fails with {@link NotFoundException} (answered 404, like a missing row) unless the caller may view a row at
     * {@code divisionPath}.
     */
    default void requireView(String divisionPath, String what, Object id) {
        if (!jurisdiction().canView(divisionPath)) {
            throw new NotFoundException(what, id);
        }
    }

    /**
     * Fails unless the caller may write at {@code divisionPath}: with {@link NotFoundException} when the row is not
     * even visible, otherwise with an access-denied error (403).
     */
    void requireCapture(String divisionPath, String what, Object id);

    /**
     * A signed-in user as the rest of the platform sees it.
     *
     * @param id user id
     * @param username login name
     * @param displayName name to show
     * @param roles the user's roles
     * @param jurisdiction capture and view scopes
     * @param personId the directory person this account belongs to (e.g. to find an enterprise user's
     *     enterprise), or null for accounts without one
     */
    record Account(
            UserId id,
            String username,
            String displayName,
            Set<Role> roles,
            Jurisdiction jurisdiction,
            java.util.@org.jspecify.annotations.Nullable UUID personId)
            implements java.io.Serializable {

        public Account {
            roles = Set.copyOf(roles);
        }

        /** An account not linked to a directory person. */
        public Account(UserId id, String username, String displayName, Set<Role> roles, Jurisdiction jurisdiction) {
            this(id, username, displayName, roles, jurisdiction, null);
        }

        public boolean has(Role role) {
            return roles.contains(role);
        }
    }
}
