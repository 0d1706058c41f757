package cn.yingji.identity;

import java.util.Optional;

/**
 * Port through which identity turns a 12-digit division code (as an administrator types it when granting scopes)
 * into the division's materialised path. Implemented by the module that owns the division tree ({@code geo});
 * identity cannot call that module directly because it already depends on identity (audit, current user), and the
 * module graph must stay acyclic. Without an implementation, identity derives paths from the code's digits alone
 * and cannot tell an existing division from an unknown one.
 */
public interface DivisionLookup {

    /**
     * The path of the division with this code, e.g. {@code /340100000000/340102000000/} for {@code 340102000000}.
     *
     * @param divisionCode a division code as entered; may be malformed
     * @return the path, or empty when no such division exists or the code is malformed
     */
    Optional<String> pathOf(String divisionCode);
}
