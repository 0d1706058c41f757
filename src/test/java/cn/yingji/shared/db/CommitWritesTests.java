package cn.yingji.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yingji.support.YingjiTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Log rows queued for the commit: sent then and only then, in the right transaction, never lost. */
@YingjiTest
class CommitWritesTests {

    private static final String INSERT = "insert into commit_writes_probe (tag, n) values (:tag, :n)";

    @Autowired
    CommitWrites writes;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    PlatformTransactionManager transactions;

    String tag;

    @BeforeEach
    void table() {
        jdbc.sql("create table if not exists commit_writes_probe (tag text not null, n int not null check (n >= 0))")
                .update();
        tag = UUID.randomUUID().toString();
    }

    private int rows() {
        return jdbc.sql("select count(*) from commit_writes_probe where tag = :t")
                .param("t", tag)
                .query(Integer.class)
                .single();
    }

    @Test
    void queuedRowsAreSentAtTheCommitAllTogether() {
        tx.executeWithoutResult(s -> {
            writes.add(INSERT, Map.of("tag", tag, "n", 1));
            writes.add(INSERT, Map.of("tag", tag, "n", 2));
            writes.add("update commit_writes_probe set n = n + 10 where tag = :tag", Map.of("tag", tag));
            assertThat(writes.pending()).isEqualTo(3);
            // this transaction's own connection does not see them yet: they have not been sent
            assertThat(rows()).isZero();
        });
        assertThat(rows()).isEqualTo(2);
        assertThat(jdbc.sql("select sum(n) from commit_writes_probe where tag = :t")
                        .param("t", tag)
                        .query(Integer.class)
                        .single())
                .isEqualTo(23);
    }

    @Test
    void flushSendsTheQueueSoThatLaterStatementsSeeIt() {
        tx.executeWithoutResult(s -> {
            writes.add(INSERT, Map.of("tag", tag, "n", 1));
            writes.flush();
            assertThat(writes.pending()).isZero();
            assertThat(rows()).isEqualTo(1);
        });
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void aRollbackDropsTheQueue() {
        tx.executeWithoutResult(s -> {
            writes.add(INSERT, Map.of("tag", tag, "n", 1));
            s.setRollbackOnly();
        });
        assertThat(rows()).isZero();
    }

    @Test
    void aFailingQueuedStatementFailsTheCommitAndRollsBackTheWholeTransaction() {
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
                    jdbc.sql(INSERT).param("tag", tag).param("n", 1).update();
                    writes.add(INSERT, Map.of("tag", tag, "n", 2));
                    writes.add(INSERT, Map.of("tag", tag, "n", -1));
                }))
                .isInstanceOf(DataAccessException.class);
        assertThat(rows()).isZero();
    }

    @Test
    void withoutATransactionAStatementRunsAtOnce() {
        writes.add(INSERT, Map.of("tag", tag, "n", 1));
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void anInnerTransactionHasItsOwnQueue() {
        TransactionTemplate inner = new TransactionTemplate(transactions);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        tx.executeWithoutResult(s -> {
            writes.add(INSERT, Map.of("tag", tag, "n", 1));
            inner.executeWithoutResult(i -> {
                assertThat(writes.pending()).isZero();
                writes.add(INSERT, Map.of("tag", tag, "n", 2));
            });
            // the inner one committed its row; the outer row still waits for the outer commit
            assertThat(writes.pending()).isEqualTo(1);
            assertThat(jdbc.sql("select n from commit_writes_probe where tag = :t")
                            .param("t", tag)
                            .query(Integer.class)
                            .list())
                    .containsExactly(2);
        });
        assertThat(rows()).isEqualTo(2);
    }

    @Test
    void aRowQueuedByALaterBeforeCommitStepIsWrittenAtOnce() {
        tx.executeWithoutResult(s -> {
            writes.add(INSERT, Map.of("tag", tag, "n", 1));
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public int getOrder() {
                    // after the queue's own step, which runs last of the ordinary ones
                    return Integer.MAX_VALUE;
                }

                @Override
                public void beforeCommit(boolean readOnly) {
                    writes.add(INSERT, Map.of("tag", tag, "n", 2));
                }
            });
        });
        assertThat(rows()).isEqualTo(2);
    }
}
