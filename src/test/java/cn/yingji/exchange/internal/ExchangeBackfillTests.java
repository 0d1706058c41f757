package cn.yingji.exchange.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yingji.exchange.SharedResource;
import cn.yingji.resource.RescueTeams;
import cn.yingji.shared.PageQuery;
import cn.yingji.support.YingjiTest;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The change log is seeded from the owning modules when it is empty, once. */
@YingjiTest
class ExchangeBackfillTests {

    private final ChangeLogBackfill backfill;
    private final JdbcClient jdbc;
    private final RescueTeams teams;
    private final TransactionTemplate tx;

    ExchangeBackfillTests(
            ChangeLogBackfill backfill, JdbcClient jdbc, RescueTeams teams, PlatformTransactionManager transactions) {
        this.backfill = backfill;
        this.jdbc = jdbc;
        this.teams = teams;
        this.tx = new TransactionTemplate(transactions);
    }

    private long logged(String resource, String change) {
        return jdbc.sql("select count(*) from exchange.change_log where resource = :r and change = :c")
                .param("r", resource)
                .param("c", change)
                .query(Long.class)
                .single();
    }

    @Test
    void anEmptyLogIsSeededWithEveryExistingRowOnceAndAFilledLogIsLeftAlone() {
        SecurityContextHolder.clearContext();
        long existing = teams.list(null, null, null, new PageQuery(0, 1)).total();
        assertThat(existing).as("the demo city has teams").isPositive();
        // a log with rows is left alone
        long before = logged("teams", ChangeLogBackfill.CHANGE);
        if (jdbc.sql("select count(*) from exchange.change_log where resource = 'teams'")
                        .query(Long.class)
                        .single()
                > 0) {
            assertThat(backfill.backfill(SharedResource.TEAMS)).isZero();
            assertThat(logged("teams", ChangeLogBackfill.CHANGE)).isEqualTo(before);
        }
        // an empty one (as at the first start over existing data) is seeded, then left alone
        tx.executeWithoutResult(status -> {
            jdbc.sql("delete from exchange.change_log where resource = 'teams'").update();
            int seeded = backfill.backfill(SharedResource.TEAMS);
            assertThat((long) seeded).isEqualTo(existing);
            assertThat(logged("teams", ChangeLogBackfill.CHANGE)).isEqualTo(existing);
            assertThat(jdbc.sql("select count(distinct entity_id) from exchange.change_log where resource = 'teams'")
                            .query(Long.class)
                            .single())
                    .isEqualTo(existing);
            assertThat(backfill.backfill(SharedResource.TEAMS)).as("idempotent").isZero();
            assertThat(logged("teams", ChangeLogBackfill.CHANGE)).isEqualTo(existing);
            status.setRollbackOnly();
        });
    }
}
