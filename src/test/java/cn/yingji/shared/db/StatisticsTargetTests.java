package cn.yingji.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yingji.support.YingjiTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The append-only logs written by every intake are analysed from a small sample (statistics target 10, see
 * {@code V1_2__statistics_target.sql}); a column added later starts at PostgreSQL's default again and brings the
 * 30,000-row sample back, so every column of them is checked.
 */
@YingjiTest
class StatisticsTargetTests {

    static final List<String> LOGS = List.of(
            "identity.audit_log",
            "identity.audit_chain",
            "incident.timeline",
            "incident.grade_changes",
            "incident.obligations",
            "exchange.change_log");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Test
    void everyColumnOfTheIntakeLogsIsAnalysedFromASmallSample() {
        for (String table : LOGS) {
            List<String> sampledAtDefault =
                    jdbc.sql("""
                            select attname from pg_attribute
                            where attrelid = cast(:t as regclass) and attnum > 0 and not attisdropped
                              and coalesce(attstattarget, -1) not between 0 and 10
                            """).param("t", table).query(String.class).list();
            assertThat(sampledAtDefault).as(table).isEmpty();
        }
    }

    @Test
    void aNewColumnStartsAtTheDefaultAndTheFunctionLowersIt() {
        // one transaction, so the temporary table and every statement share a connection
        tx.executeWithoutResult(status -> {
            jdbc.sql("create temporary table statistics_probe (a int, b text) on commit drop")
                    .update();
            assertThat(targets()).hasSize(2).doesNotContain(10);
            jdbc.sql("select public.set_statistics_target('statistics_probe', 10)")
                    .query((rs, n) -> 1)
                    .list();
            assertThat(targets()).containsExactly(10, 10);
        });
    }

    private List<Integer> targets() {
        return jdbc.sql("""
                        select attstattarget from pg_attribute
                        where attrelid = cast('statistics_probe' as regclass) and attnum > 0 order by attnum
                        """).query((rs, n) -> (Integer) rs.getObject(1)).list();
    }
}
