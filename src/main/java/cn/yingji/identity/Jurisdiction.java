package cn.yingji.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Where a user may act, as division subtrees given by materialised paths such as {@code /340100000000/340102000000/}
 * (see {@code geo}). Capture scopes say where the user may create and change data; view scopes where they may read.
 * Everything capturable is also viewable, as in DHIS2.
 *
 * @param capture paths of the subtrees the user may write in
 * @param view paths of the subtrees the user may read (capture subtrees are added automatically)
 */
public record Jurisdiction(List<String> capture, List<String> view) implements java.io.Serializable {

    /** A pattern that no division path can match; keeps {@code LIKE ANY} queries valid for a user without scopes. */
    private static final String MATCHES_NOTHING = "\u0000";

    public Jurisdiction {
        capture = normalise(capture);
        LinkedHashSet<String> all = new LinkedHashSet<>(normalise(view));
        all.addAll(capture);
        view = minimal(all);
        capture = minimal(capture);
    }

    /** A jurisdiction with no rights at all. */
    public static Jurisdiction none() {
        return new Jurisdiction(List.of(), List.of());
    }

    /** True when a row whose division path is {@code path} may be read. */
    public boolean canView(String path) {
        return covers(view, path);
    }

    /** True when a row whose division path is {@code path} may be created or changed. */
    public boolean canCapture(String path) {
        return covers(capture, path);
    }

    /**
     * SQL {@code LIKE} patterns for the view scopes, for {@code division_path LIKE ANY (ARRAY[:patterns])}. Never
     * empty: a user without scopes gets a pattern that matches nothing.
     */
    public List<String> viewPatterns() {
        return patterns(view);
    }

    /** As {@link #viewPatterns()}, for the capture scopes. */
    public List<String> capturePatterns() {
        return patterns(capture);
    }

    private static List<String> patterns(List<String> paths) {
        if (paths.isEmpty()) {
            return List.of(MATCHES_NOTHING);
        }
        return paths.stream().map(p -> escapeLike(p) + "%").toList();
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static boolean covers(List<String> scopes, String path) {
        if (path == null || path.isEmpty()) {
            return false;
        }
        for (String scope : scopes) {
            if (path.startsWith(scope)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> normalise(Collection<String> paths) {
        List<String> out = new ArrayList<>();
        for (String p : paths) {
            if (p == null || p.isBlank()) {
                continue;
            }
            String s = p.trim();
            if (!s.startsWith("/")) {
                s = "/" + s;
            }
            if (!s.endsWith("/")) {
                s = s + "/";
            }
            out.add(s);
        }
        return out;
    }

    /** Drops scopes already covered by a wider one, so checks and SQL stay short. */
    private static List<String> minimal(Collection<String> paths) {
        List<String> out = new ArrayList<>();
        for (String p : new LinkedHashSet<>(paths)) {
            boolean covered = false;
            for (String q : paths) {
                if (!q.equals(p) && p.startsWith(q)) {
                    covered = true;
                    break;
                }
            }
            if (!covered) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }
}
