package cn.yingji.shared;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yingji.shared.db.PathScope;
import cn.yingji.support.YingjiTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The index-range form of the jurisdiction filter selects exactly what {@code LIKE ANY} selects. */
@YingjiTest
class PathScopeTests {

    private static final List<String> PATHS = List.of(
            "/340100000000/",
            "/340100000000/340102000000/",
            "/340100000000/340102000000/340102001000/",
            "/340100000000/340102000000/340102001000/340102001002/340102001002001/",
            "/340100000000/340102000001/",
            "/340100000000/3401020000000/",
            "/340100000000/340103000000/",
            "/340100000000/340103000000/340103001000/",
            "/340100000000/34010200000/");

    private final JdbcClient jdbc;

    PathScopeTests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private List<String> like(List<String> patterns) {
        return jdbc.sql("select p from unnest(cast(:paths as text[])) p where p like any (array[:patterns]) order by p")
                .param("paths", PATHS.toArray(String[]::new))
                .param("patterns", patterns)
                .query(String.class)
                .list();
    }

    private List<String> range(List<String> patterns) {
        Map<String, @Nullable Object> params = new LinkedHashMap<>();
        String predicate = PathScope.predicate("p", patterns, "s", params);
        JdbcClient.StatementSpec spec = jdbc.sql(
                        "select p from unnest(cast(:paths as text[])) p where " + predicate + " order by p")
                .param("paths", PATHS.toArray(String[]::new));
        for (Map.Entry<String, @Nullable Object> e : params.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        return spec.query(String.class).list();
    }

    @Test
    void rangesSelectTheSameRowsAsLikePatterns() {
        for (List<String> patterns : List.of(
                List.of("/340100000000/340102000000/%"),
                List.of("/340100000000/340102000000/340102001000/%"),
                List.of("/340100000000/340102000000/340102001000/%", "/340100000000/340103000000/%"),
                List.of("%"),
                List.of("/340100000000/%"))) {
            assertThat(range(patterns)).as(patterns.toString()).isEqualTo(like(patterns));
        }
        assertThat(range(List.of("\u0000"))).isEmpty();
        assertThat(range(List.of("/340100000000/340102000000/%")))
                .hasSize(3)
                .doesNotContain("/340100000000/3401020000000/", "/340100000000/340102000001/");
    }
}
