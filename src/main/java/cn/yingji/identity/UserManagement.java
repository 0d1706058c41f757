package cn.yingji.identity;

import java.util.Optional;

/** Facade for creating and finding platform users from other modules (demo loader, directory). */
public interface UserManagement {

    /**
     * Creates a user and audits it. Runs as the current user; the caller must be an administrator whose capture
     * scope covers {@code homePath}, or the system (no user signed in, e.g. at start-up).
     *
     * @throws cn.yingji.shared.InvalidInputException for a bad username, password, role set or scope
     * @throws cn.yingji.shared.ConflictException when the username is taken
     */
    UserId create(NewUser user);

    /** The user with this login name (case-insensitive), if any. */
    Optional<UserId> findByUsername(String username);

    /** Number of users in the platform. */
    long count();
}
