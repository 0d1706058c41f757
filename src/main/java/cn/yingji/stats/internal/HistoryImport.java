package cn.yingji.stats.internal;

import cn.yingji.geo.Division;
import cn.yingji.geo.DivisionCode;
import cn.yingji.geo.Divisions;
import cn.yingji.identity.AuditTrail;
import cn.yingji.identity.CurrentUser;
import cn.yingji.shared.DomainException.FieldError;
import cn.yingji.shared.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Production-safety figures of years before the platform, from an XLSX sheet (年份, 区划代码, 事故起数, 死亡人数,
 * 特别重大事故起数). All or nothing: every row is checked first and any error rejects the whole file with the row
 * numbers; a year and division already imported is replaced. Audited.
 */
@Service
class HistoryImport implements cn.yingji.stats.HistoricalFigures {

    static final String[] HEADERS = {"年份", "区划代码", "事故起数", "死亡人数", "特别重大事故起数"};

    private final JdbcClient jdbc;
    private final Divisions divisions;
    private final CurrentUser currentUser;
    private final AuditTrail audit;

    HistoryImport(JdbcClient jdbc, Divisions divisions, CurrentUser currentUser, AuditTrail audit) {
        this.jdbc = jdbc;
        this.divisions = divisions;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    record HistoryRow(
            int year, String divisionCode, String divisionPath, int accidents, int deaths, int extraordinary) {}

    /** The empty template with its header row and one example. */
    byte[] template() {
        try (Workbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("历史事故");
            Row h = s.createRow(0);
            for (int i = 0; i < HEADERS.length; i++) {
                h.createCell(i).setCellValue(HEADERS[i]);
                s.setColumnWidth(i, 18 * 256);
            }
            Row ex = s.createRow(1);
            ex.createCell(0).setCellValue(2020);
            ex.createCell(1).setCellValue("340102000000");
            ex.createCell(2).setCellValue(12);
            ex.createCell(3).setCellValue(9);
            ex.createCell(4).setCellValue(0);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Transactional
    int importXlsx(InputStream in) {
        List<HistoryRow> rows = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        DataFormatter fmt = new DataFormatter();
        try (Workbook wb = new XSSFWorkbook(in)) {
            Sheet s = wb.getSheetAt(0);
            for (int r = 1; r <= s.getLastRowNum(); r++) {
                Row row = s.getRow(r);
                if (row == null || blank(row, fmt)) {
                    continue;
                }
                String at = "row " + (r + 1);
                Integer year = integer(row.getCell(0), fmt);
                String code = fmt.formatCellValue(row.getCell(1)).trim();
                Integer acc = integer(row.getCell(2), fmt);
                Integer deaths = integer(row.getCell(3), fmt);
                Integer ex = integer(row.getCell(4), fmt);
                int before = errors.size();
                if (year == null || year < 1949 || year > 2100) {
                    errors.add(new FieldError(at, "stats.import.year", r + 1));
                }
                Division d = code.isEmpty()
                        ? null
                        : divisions.find(new DivisionCode(code)).orElse(null);
                if (d == null) {
                    errors.add(new FieldError(at, "stats.import.division", r + 1, code));
                } else if (!canCapture(d.path())) {
                    errors.add(new FieldError(at, "stats.import.foreign", r + 1, code));
                }
                if (acc == null || acc < 0 || deaths == null || deaths < 0 || ex == null || ex < 0) {
                    errors.add(new FieldError(at, "stats.import.number", r + 1));
                } else if (ex > acc) {
                    errors.add(new FieldError(at, "stats.import.extraordinary", r + 1));
                }
                if (errors.size() == before) {
                    rows.add(new HistoryRow(year, d.code().value(), d.path(), acc, deaths, ex));
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException ie) {
                throw ie;
            }
            throw InvalidInputException.field("file", "stats.import.unreadable");
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new FieldError("file", "stats.import.empty"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("stats.import.rejected", errors);
        }
        save(rows);
        return rows.size();
    }

    @Override
    @Transactional
    public void record(int year, String divisionCode, int accidents, int deaths, int extraordinary) {
        Division d = divisions
                .find(new DivisionCode(divisionCode))
                .orElseThrow(() -> InvalidInputException.field("divisionCode", "stats.error.division"));
        if (accidents < 0 || deaths < 0 || extraordinary < 0 || extraordinary > accidents) {
            throw InvalidInputException.field("accidents", "stats.error.negative");
        }
        if (currentUser.get().isPresent()) {
            currentUser.requireCapture(d.path(), "division", divisionCode);
        }
        save(List.of(new HistoryRow(year, d.code().value(), d.path(), accidents, deaths, extraordinary)));
    }

    @Override
    public boolean hasYear(int year) {
        return jdbc.sql("select exists (select 1 from stats.accident_history where year = :y)")
                .param("y", year)
                .query(Boolean.class)
                .single();
    }

    private void save(List<HistoryRow> rows) {
        String by = currentUser.get().map(CurrentUser.Account::username).orElse("system");
        for (HistoryRow h : rows) {
            jdbc.sql("""
                            insert into stats.accident_history (year, division_code, division_path, accidents, deaths,
                                extraordinary, imported_by) values (:y, :code, :path, :a, :d, :x, :by)
                            on conflict (year, division_path) do update set accidents = excluded.accidents,
                                deaths = excluded.deaths, extraordinary = excluded.extraordinary,
                                imported_by = excluded.imported_by, imported_at = now()""")
                    .param("y", h.year())
                    .param("code", h.divisionCode())
                    .param("path", h.divisionPath())
                    .param("a", h.accidents())
                    .param("d", h.deaths())
                    .param("x", h.extraordinary())
                    .param("by", by)
                    .update();
            audit.record(
                    "import",
                    "stats.accident_history",
                    h.year() + "/" + h.divisionCode(),
                    h.divisionPath(),
                    null,
                    Map.of("accidents", h.accidents(), "deaths", h.deaths(), "extraordinary", h.extraordinary()));
        }
    }

    private boolean canCapture(String path) {
        return currentUser.get().map(a -> a.jurisdiction().canCapture(path)).orElse(true);
    }

    private static boolean blank(Row row, DataFormatter fmt) {
        for (int i = 0; i < HEADERS.length; i++) {
            if (!fmt.formatCellValue(row.getCell(i)).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static Integer integer(Cell c, DataFormatter fmt) {
        if (c == null) {
            return null;
        }
        if (c.getCellType() == CellType.NUMERIC) {
            double v = c.getNumericCellValue();
            return v == Math.rint(v) ? (int) v : null;
        }
        try {
            return Integer.valueOf(fmt.formatCellValue(c).trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
