package cn.yingji.shared.db;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends to logs (the audit trail, the change log, statistics facts) that wait for the end of the current
 * transaction and then go to PostgreSQL together, as one multi-statement round trip, just before the commit. A
 * report at the duty desk writes three such rows; sent one by one they were three of its seven round trips.
 *
 * <p>What may be queued: statements whose result nobody in the transaction needs (no {@code RETURNING} that is
 * read, no row count that decides anything). A writer whose own code later reads or changes the same rows in the
 * same transaction calls {@link #flush()} first, as the statistics store does before every other statement. A
 * failing queued statement fails the commit: the transaction rolls back whole, as if it had failed where it was
 * queued.
 *
 * <p>Outside a transaction, and once the queue has been sent (a write queued by another before-commit step), a
 * statement runs at once. Each transaction, nested {@code REQUIRES_NEW} ones included, has its own queue.
 */
@Component
public class CommitWrites {

    private static final Map<String, ParsedSql> PARSED = new ConcurrentHashMap<>();

    private final JdbcTemplate jdbc;

    CommitWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues {@code sql} with its named parameters for the commit of the current transaction. */
    public void add(String sql, Map<String, ? extends @Nullable Object> params) {
        Statement statement = positional(sql, params);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            jdbc.update(statement.sql(), statement.args());
            return;
        }
        Queue queue = (Queue) TransactionSynchronizationManager.getResource(this);
        if (queue == null) {
            queue = new Queue(this);
            TransactionSynchronizationManager.bindResource(this, queue);
            TransactionSynchronizationManager.registerSynchronization(queue);
        }
        if (queue.sent) {
            jdbc.update(statement.sql(), statement.args());
        } else {
            queue.statements.add(statement);
        }
    }

    /** Sends what the current transaction queued so far, so that the statements that follow see it. */
    public void flush() {
        Queue queue = (Queue) TransactionSynchronizationManager.getResource(this);
        if (queue != null) {
            queue.send();
        }
    }

    /** Statements queued by the current transaction and not sent yet (for tests and diagnostics). */
    public int pending() {
        Queue queue = (Queue) TransactionSynchronizationManager.getResource(this);
        return queue == null ? 0 : queue.statements.size();
    }

    private static Statement positional(String sql, Map<String, ? extends @Nullable Object> params) {
        ParsedSql parsed = PARSED.computeIfAbsent(sql, NamedParameterUtils::parseSqlStatement);
        MapSqlParameterSource source = new MapSqlParameterSource(params);
        return new Statement(
                NamedParameterUtils.substituteNamedParameters(parsed, source),
                NamedParameterUtils.buildValueArray(parsed, source, null));
    }

    private void send(List<Statement> statements) {
        if (statements.size() == 1) {
            jdbc.update(statements.get(0).sql(), statements.get(0).args());
            return;
        }
        // PgJDBC sends the statements of one string as one batch of messages with one Sync: one round trip.
        StringBuilder sql = new StringBuilder();
        List<@Nullable Object> args = new ArrayList<>();
        for (Statement s : statements) {
            sql.append(sql.isEmpty() ? "" : ";\n").append(s.sql());
            Collections.addAll(args, s.args());
        }
        jdbc.update(sql.toString(), args.toArray());
    }

    private record Statement(String sql, @Nullable Object[] args) {}

    /** One transaction's queue; sent before its commit (last of the before-commit steps), dropped on rollback. */
    private static final class Queue implements TransactionSynchronization {

        private final CommitWrites owner;
        private final List<Statement> statements = new ArrayList<>();
        private boolean sent;

        Queue(CommitWrites owner) {
            this.owner = owner;
        }

        void send() {
            if (!statements.isEmpty()) {
                List<Statement> batch = List.copyOf(statements);
                statements.clear();
                owner.send(batch);
            }
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(owner);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(owner, this);
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            send();
            sent = true;
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(owner);
        }
    }
}
