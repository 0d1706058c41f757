package cn.yingji.identity;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Command to create a platform user.
 *
 * @param username login name, 3–64 characters of letters, digits, '.', '_' or '-'
 * @param displayName name shown in the UI
 * @param rawPassword initial password (at least 10 characters); stored only as a hash
 * @param roles at least one role
 * @param homePath division path where the account is administered
 * @param jurisdiction capture and view scopes
 * @param personId directory person this account belongs to, if any
 * @param demo true for demo accounts (listed in the README, only created in demo mode)
 */
public record NewUser(
        String username,
        String displayName,
        String rawPassword,
        Set<Role> roles,
        String homePath,
        Jurisdiction jurisdiction,
        java.util.@Nullable UUID personId,
        boolean demo) {}
