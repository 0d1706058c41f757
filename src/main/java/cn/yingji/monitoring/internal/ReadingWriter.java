package cn.yingji.monitoring.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Writes readings with COPY into a per-session staging table, then moves them into the partitioned table with
 * {@code on conflict do nothing} (a duplicate sensor+time is ignored). Keeps the daily partitions: created ahead,
 * dropped after the retention period.
 */
@Component
class ReadingWriter {

    private static final Logger LOG = LoggerFactory.getLogger(ReadingWriter.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final MonitoringProperties props;

    ReadingWriter(DataSource dataSource, JdbcClient jdbc, MonitoringProperties props) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.props = props;
    }

    /** A batch of readings in columns. */
    record Rows(UUID[] sensors, long[] atMicros, double[] values, int size) {}

    /**
     * Stores the rows inside the current transaction; answers how many were new (not duplicates). Rows marked
     * {@code fresh} (later than anything stored for their sensor, as the in-memory state knows) are copied straight
     * into the partitioned table; the others go through the staging table and {@code on conflict do nothing}. When
     * the state was wrong (a duplicate among the fresh rows), the direct copy is rolled back to a savepoint and every
     * row takes the staging path.
     */
    int write(Rows rows, boolean @Nullable [] fresh, Instant receivedAt) {
        Connection con = DataSourceUtils.getConnection(dataSource);
        try {
            int direct = 0;
            if (fresh != null) {
                for (boolean f : fresh) {
                    if (f) {
                        direct++;
                    }
                }
            }
            if (direct > 0) {
                Savepoint sp = con.setSavepoint();
                try {
                    copyDirect(con, rows, fresh, receivedAt);
                    con.releaseSavepoint(sp);
                    if (direct == rows.size()) {
                        return direct;
                    }
                    return direct + staged(con, rows, fresh, receivedAt);
                } catch (SQLException e) {
                    if (!"23505".equals(e.getSQLState())) {
                        throw e;
                    }
                    con.rollback(sp);
                    LOG.debug("duplicate among fresh readings, falling back to the staging path");
                }
            }
            return staged(con, rows, null, receivedAt);
        } catch (SQLException e) {
            throw new IllegalStateException("storing readings failed: " + e.getMessage(), e);
        }
    }

    /** Compatibility: everything through the staging table. */
    int write(Rows rows, Instant receivedAt) {
        return write(rows, null, receivedAt);
    }

    private void copyDirect(Connection con, Rows rows, boolean[] fresh, Instant receivedAt) throws SQLException {
        CopyIn copy = con.unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn("copy monitoring.reading (sensor_id, at, value, received_at) from stdin");
        try {
            String recv = "\t" + receivedAt + "\n";
            byte[] buf = new byte[1 << 16];
            int pos = 0;
            for (int i = 0; i < rows.size(); i++) {
                if (!fresh[i]) {
                    continue;
                }
                if (pos > buf.length - 160) {
                    copy.writeToCopy(buf, 0, pos);
                    pos = 0;
                }
                long us = rows.atMicros()[i];
                Instant at = Instant.ofEpochSecond(Math.floorDiv(us, 1_000_000L), Math.floorMod(us, 1_000_000L) * 1000);
                String line = rows.sensors()[i] + "\t" + at + "\t" + rows.values()[i] + recv;
                for (int k = 0; k < line.length(); k++) {
                    buf[pos++] = (byte) line.charAt(k);
                }
            }
            if (pos > 0) {
                copy.writeToCopy(buf, 0, pos);
            }
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private int staged(Connection con, Rows rows, boolean @Nullable [] skip, Instant receivedAt) throws SQLException {
        try (Statement st = con.createStatement()) {
            st.execute("create temp table if not exists reading_stage (sensor_id uuid, at_us bigint,"
                    + " value double precision) on commit delete rows");
        }
        CopyIn copy = con.unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn("copy pg_temp.reading_stage (sensor_id, at_us, value) from stdin");
        try {
            byte[] buf = new byte[1 << 16];
            int pos = 0;
            for (int i = 0; i < rows.size(); i++) {
                if (skip != null && skip[i]) {
                    continue;
                }
                if (pos > buf.length - 128) {
                    copy.writeToCopy(buf, 0, pos);
                    pos = 0;
                }
                String line = rows.sensors()[i] + "\t" + rows.atMicros()[i] + "\t" + rows.values()[i] + "\n";
                for (int k = 0; k < line.length(); k++) {
                    buf[pos++] = (byte) line.charAt(k);
                }
            }
            if (pos > 0) {
                copy.writeToCopy(buf, 0, pos);
            }
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
        try (var ps = con.prepareStatement("insert into monitoring.reading (sensor_id, at, value, received_at)"
                + " select sensor_id, timestamptz 'epoch' + at_us * interval '1 microsecond', value, ?"
                + " from pg_temp.reading_stage on conflict do nothing")) {
            ps.setTimestamp(1, Timestamp.from(receivedAt));
            int n = ps.executeUpdate();
            try (Statement st = con.createStatement()) {
                st.execute("truncate pg_temp.reading_stage");
            }
            return n;
        }
    }

    /** Raw COPY of the same rows straight into the partitioned table (the benchmark's baseline). */
    void copyRaw(Connection con, Rows rows, Instant receivedAt) throws SQLException {
        CopyIn copy = con.unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn("copy monitoring.reading (sensor_id, at, value, received_at) from stdin");
        String recv = receivedAt.toString();
        StringBuilder sb = new StringBuilder(1 << 16);
        for (int i = 0; i < rows.size(); i++) {
            sb.append(rows.sensors()[i])
                    .append('\t')
                    .append(Instant.EPOCH.plusNanos(rows.atMicros()[i] * 1000))
                    .append('\t')
                    .append(rows.values()[i])
                    .append('\t')
                    .append(recv)
                    .append('\n');
            if (sb.length() > 60_000) {
                byte[] b = sb.toString().getBytes(StandardCharsets.US_ASCII);
                copy.writeToCopy(b, 0, b.length);
                sb.setLength(0);
            }
        }
        byte[] b = sb.toString().getBytes(StandardCharsets.US_ASCII);
        copy.writeToCopy(b, 0, b.length);
        copy.endCopy();
    }

    /** Creates the daily partitions from the retention start to {@code partitionsAhead} days ahead; drops older. */
    void maintainPartitions(LocalDate today) {
        LocalDate first = today.minusDays(props.getRetentionDays());
        for (LocalDate d = first; !d.isAfter(today.plusDays(props.getPartitionsAhead())); d = d.plusDays(1)) {
            String name = "reading_" + DAY.format(d);
            try {
                jdbc.sql("create table if not exists monitoring." + name + " partition of monitoring.reading for values"
                                + " from ('" + d + " 00:00:00+00') to ('" + d.plusDays(1) + " 00:00:00+00')")
                        .update();
            } catch (RuntimeException e) {
                // rows of that day already sit in the default partition; keep them there
                LOG.warn("partition {} not created: {}", name, e.getMessage());
            }
        }
        List<String> existing = jdbc.sql("""
                        select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
                        join pg_class p on p.oid = i.inhparent join pg_namespace n on n.oid = p.relnamespace
                        where n.nspname = 'monitoring' and p.relname = 'reading' and c.relname ~ '^reading_[0-9]{8}$'
                        """).query(String.class).list();
        for (String name : existing) {
            LocalDate d = LocalDate.parse(name.substring("reading_".length()), DAY);
            if (d.isBefore(first)) {
                jdbc.sql("drop table if exists monitoring." + name).update();
                LOG.info("dropped reading partition {} (retention {} days)", name, props.getRetentionDays());
            }
        }
        jdbc.sql("delete from monitoring.reading_default where at < :cut")
                .param("cut", Timestamp.from(first.atStartOfDay(ZoneOffset.UTC).toInstant()))
                .update();
    }

    static void unchecked(IOException e) {
        throw new UncheckedIOException(e);
    }
}
