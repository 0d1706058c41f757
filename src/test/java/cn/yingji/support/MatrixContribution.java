package cn.yingji.support;

import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A module's part of the jurisdiction matrix ({@code cn.yingji.security.AuthorizationMatrixTests}). Declare an
 * implementation as a {@code @Component} in the module's test package. The matrix signs in as the township
 * officer {@code township.mingguang} (scope 明光路街道, path {@code /340100000000/340102000000/340102001000/}).
 */
public interface MatrixContribution {

    /**
     * For each path variable of the module's endpoints, how to obtain an identifier of a row OUTSIDE 明光路街道
     * (e.g. in 庐阳区 340103000000), created on first use. The key is {@code {variable}@segment}, where segment is
     * the path segment just before the variable, e.g. {@code {id}@teams} for {@code /api/v1/teams/{id}}.
     */
    Map<String, Supplier<String>> foreignIdentifiers();

    /** Path prefixes of endpoints that are platform-wide configuration rather than place-bound data. */
    default Set<String> platformWidePrefixes() {
        return Set.of();
    }
}
