/**
 * Who may do what, where: users, roles, jurisdiction scopes (capture and view, each a division subtree), login,
 * personal API tokens, and the append-only hash-chained audit trail of every write. Does not hold persons or
 * positions (see {@code directory}) nor the division tree itself (see {@code geo}).
 */
@ApplicationModule(displayName = "Identity")
@NullMarked
package cn.yingji.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
