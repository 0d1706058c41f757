package cn.yingji.shared.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The jurisdiction filter over a materialised {@code division_path} column as an index range.
 *
 * <p>{@code division_path like any (array[:patterns])} reads well but no index can serve {@code LIKE ANY}, so a
 * district's page of a million-row table became a sequential scan. A prefix pattern {@code '/a/b/%'} is the same as
 * the range {@code ~>=~ '/a/b/' and ~<~ '/a/b0'} (the character after {@code '/'} is {@code '0'}), which a
 * {@code text_pattern_ops} index answers with bound parameters too, so plans stay good when cached.
 */
public final class PathScope {

    private PathScope() {}

    /**
     * The predicate for {@code column} matching any of the LIKE {@code patterns} (as built by the jurisdiction),
     * binding its parameters into {@code params} under names starting with {@code param}.
     */
    public static String predicate(
            String column, List<String> patterns, String param, Map<String, @Nullable Object> params) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < patterns.size(); i++) {
            String p = patterns.get(i);
            if (p.equals("%")) {
                return "true";
            }
            if (p.indexOf('\u0000') >= 0) {
                // the jurisdiction's "matches nothing" (no text column can hold NUL)
                continue;
            }
            String prefix = p.substring(0, p.length() - 1);
            if (p.endsWith("%") && !prefix.isEmpty() && plain(prefix)) {
                String lo = param + "Lo" + i;
                String hi = param + "Hi" + i;
                params.put(lo, prefix);
                params.put(hi, next(prefix));
                parts.add("(" + column + " ~>=~ :" + lo + " and " + column + " ~<~ :" + hi + ")");
            } else {
                String name = param + i;
                params.put(name, p);
                parts.add(column + " like :" + name);
            }
        }
        if (parts.isEmpty()) {
            return "false";
        }
        return parts.size() == 1 ? parts.get(0) : "(" + String.join(" or ", parts) + ")";
    }

    /** True when the prefix holds no LIKE wildcard or escape, so it can be a range bound as it is. */
    private static boolean plain(String prefix) {
        return prefix.indexOf('%') < 0 && prefix.indexOf('_') < 0 && prefix.indexOf('\\') < 0;
    }

    /** The smallest string greater than every string starting with {@code prefix}. */
    private static String next(String prefix) {
        char last = prefix.charAt(prefix.length() - 1);
        return prefix.substring(0, prefix.length() - 1) + (char) (last + 1);
    }
}
