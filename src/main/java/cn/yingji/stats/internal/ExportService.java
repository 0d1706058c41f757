package cn.yingji.stats.internal;

import cn.yingji.identity.AuditTrail;
import cn.yingji.identity.CurrentUser;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NotFoundException;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * XLSX exports of the statistics' lists, run in the background: the rows are read with a server-side cursor
 * (fetch size 1,000) and written through SXSSF with a 200-row window, so neither side holds the whole list. The
 * caller's view patterns are taken when the export is asked for. The owner sees the status on "my exports"
 * (polled) and downloads the file; nobody else can see it (404).
 */
@Service
class ExportService {

    private static final Logger LOG = LoggerFactory.getLogger(ExportService.class);

    /** The lists that can be exported: header keys (Chinese) and SQL. */
    record Kind(String name, List<String> headers, String sql) {}

    static final Map<String, Kind> KINDS = Map.of(
            "accidents",
            new Kind(
                    "accidents",
                    List.of("事件编号", "类别", "类型", "生产安全", "等级", "区划路径", "发生时间", "死亡", "失踪", "受伤", "直接经济损失"),
                    """
                    select incident_id, category, type_code, production_safety, grade, division_path, occurred_at,
                        deaths, missing, injured, direct_loss from stats.accident_fact
                    where division_path like :under and division_path like any (array[:patterns])
                      and occurred_at >= :from and occurred_at < :to order by occurred_at"""),
            "hazards",
            new Kind("hazards", List.of("隐患编号", "区划路径", "行业", "等级", "状态", "发现时间", "销号时间", "逾期时间"), """
                    select hazard_id, division_path, industry, grade, state, reported_at, closed_at, overdue_at
                    from stats.hazard_fact
                    where division_path like :under and division_path like any (array[:patterns])
                      and reported_at >= :from and reported_at < :to order by reported_at"""),
            "losses",
            new Kind(
                    "losses",
                    List.of(
                            "编号", "区划代码", "区划路径", "起始日期", "截止日期", "灾种", "受灾人口", "紧急转移安置", "损坏房屋", "倒塌房屋", "农作物受灾面积",
                            "直接经济损失"),
                    """
                    select id, division_code, division_path, period_from, period_to, hazard_kind, affected, relocated,
                        houses_damaged, houses_collapsed, crop_area, direct_loss from stats.disaster_loss
                    where division_path like :under and division_path like any (array[:patterns])
                      and period_from >= :from and period_from < :to order by period_from"""));

    /** One export as its owner sees it. */
    record ExportJob(
            UUID id,
            String kind,
            String params,
            String status,
            long rows,
            @Nullable String error,
            Instant createdAt,
            @Nullable Instant finishedAt) {}

    private final JdbcClient jdbc;
    private final StatsService stats;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Path dir;
    private final ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "stats-export");
        t.setDaemon(true);
        return t;
    });

    ExportService(
            JdbcClient jdbc,
            StatsService stats,
            CurrentUser currentUser,
            AuditTrail audit,
            TransactionTemplate tx,
            @Value("${yingji.stats.export-dir:${java.io.tmpdir}/yingji-exports}") String dir) {
        this.jdbc = jdbc;
        this.stats = stats;
        this.currentUser = currentUser;
        this.audit = audit;
        this.tx = tx;
        this.dir = Path.of(dir);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    private String owner() {
        return currentUser.get().map(CurrentUser.Account::username).orElse("system");
    }

    /** Queues an export of {@code kind} under {@code division} for the period; answers at once. */
    ExportJob start(String kind, @Nullable String division, @Nullable LocalDate from, @Nullable LocalDate to) {
        Kind k = KINDS.get(kind);
        if (k == null) {
            throw InvalidInputException.field("kind", "stats.error.kind");
        }
        StatsService.Scope s = stats.scope(division);
        LocalDate f = from == null ? LocalDate.of(1900, 1, 1) : from;
        LocalDate t = (to == null ? LocalDate.of(9999, 12, 30) : to).plusDays(1);
        UUID id = UUID.randomUUID();
        String params = s.code() + " " + (from == null ? "" : from) + "~" + (to == null ? "" : to);
        String owner = owner();
        tx.executeWithoutResult(st -> {
            jdbc.sql("""
                            insert into stats.export_job (id, owner, kind, params, status)
                            values (:id, :owner, :kind, :params, 'QUEUED')""")
                    .param("id", id)
                    .param("owner", owner)
                    .param("kind", kind)
                    .param("params", params)
                    .update();
            audit.record(
                    "export", "stats.export", id.toString(), s.path(), null, Map.of("kind", kind, "params", params));
        });
        pool.submit(() -> run(id, k, s, f, t));
        return job(id);
    }

    /** Runs one export now, in this thread (used by the background pool and the benchmark). */
    long run(UUID id, Kind k, StatsService.Scope s, LocalDate from, LocalDate to) {
        setStatus(id, "RUNNING", 0, null, null);
        Path file = dir.resolve(id + ".xlsx");
        try {
            Files.createDirectories(dir);
            long n = write(k, s, from, to, file);
            setStatus(id, "READY", n, file.toString(), null);
            return n;
        } catch (Exception e) {
            LOG.warn("export {} failed", id, e);
            setStatus(id, "FAILED", 0, null, e.getClass().getSimpleName() + ": " + e.getMessage());
            return -1;
        }
    }

    /** Streams the rows into an XLSX file and answers how many there were. */
    long write(Kind k, StatsService.Scope s, LocalDate from, LocalDate to, Path file) throws IOException {
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        wb.setCompressTempFiles(true);
        try (OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet(k.name());
            Row head = sheet.createRow(0);
            for (int i = 0; i < k.headers().size(); i++) {
                head.createCell(i).setCellValue(k.headers().get(i));
            }
            long[] n = {0};
            boolean dates = !"losses".equals(k.name());
            tx.executeWithoutResult(st -> jdbc.sql(k.sql())
                    .withFetchSize(1000)
                    .param("under", StatsService.like(s.path()))
                    .param("patterns", s.patterns())
                    .param("from", dates ? (Object) Timestamp.valueOf(from.atStartOfDay()) : from)
                    .param("to", dates ? (Object) Timestamp.valueOf(to.atStartOfDay()) : to)
                    .query((RowCallbackHandler) rs -> {
                        n[0]++;
                        if (n[0] >= 1_048_575) {
                            throw new IllegalStateException("more rows than one XLSX sheet holds");
                        }
                        row(sheet.createRow((int) n[0]), rs);
                    }));
            wb.write(out);
            return n[0];
        } finally {
            wb.close();
        }
    }

    private static void row(Row r, ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            Object v = rs.getObject(i);
            Cell c = r.createCell(i - 1);
            if (v == null) {
                continue;
            }
            if (v instanceof Number num) {
                c.setCellValue(num.doubleValue());
            } else if (v instanceof Boolean b) {
                c.setCellValue(b ? "是" : "否");
            } else if (v instanceof Timestamp ts) {
                c.setCellValue(
                        ts.toInstant().atZone(FactStore.ZONE).toLocalDateTime().toString());
            } else {
                c.setCellValue(v.toString());
            }
        }
    }

    private void setStatus(UUID id, String status, long rows, @Nullable String file, @Nullable String error) {
        jdbc.sql("""
                        update stats.export_job set status = :status, rows = :rows, file_path = :file, error = :error,
                            finished_at = case when :status in ('READY', 'FAILED') then now() end where id = :id""")
                .param("id", id)
                .param("status", status)
                .param("rows", rows)
                .param("file", file)
                .param("error", error)
                .update();
    }

    /** The caller's exports, newest first. */
    List<ExportJob> mine() {
        return jdbc.sql("""
                        select id, kind, params, status, rows, error, created_at, finished_at from stats.export_job
                        where owner = :owner order by created_at desc limit 50""").param("owner", owner()).query(ExportService::map).list();
    }

    /** One of the caller's exports; another user's is 404. */
    ExportJob job(UUID id) {
        return jdbc.sql("""
                        select id, kind, params, status, rows, error, created_at, finished_at from stats.export_job
                        where id = :id and owner = :owner""")
                .param("id", id)
                .param("owner", owner())
                .query(ExportService::map)
                .optional()
                .orElseThrow(() -> new NotFoundException("export", id));
    }

    /** The file of one of the caller's ready exports. */
    Path file(UUID id) {
        String f = jdbc.sql(
                        "select file_path from stats.export_job where id = :id and owner = :owner and status = 'READY'")
                .param("id", id)
                .param("owner", owner())
                .query(String.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("export", id));
        return Path.of(f);
    }

    private static ExportJob map(ResultSet rs, int n) throws SQLException {
        Timestamp fin = rs.getTimestamp("finished_at");
        return new ExportJob(
                rs.getObject("id", UUID.class),
                rs.getString("kind"),
                rs.getString("params"),
                rs.getString("status"),
                rs.getLong("rows"),
                rs.getString("error"),
                rs.getTimestamp("created_at").toInstant(),
                fin == null ? null : fin.toInstant());
    }
}
