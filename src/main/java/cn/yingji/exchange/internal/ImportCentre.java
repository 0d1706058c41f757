package cn.yingji.exchange.internal;

import cn.yingji.resource.RegistryKind;
import cn.yingji.resource.ResourceRegistries;
import cn.yingji.shared.DomainException;
import cn.yingji.shared.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One import centre for the registries: a CSV or XLSX file (header row of field names) is validated row by row
 * through the owning module's public API, inside one transaction. Any invalid row rolls the whole file back and the
 * answer lists every problem with its line; otherwise every row commits. Each row is jurisdiction-checked and
 * audited by the owning module as a form entry would be.
 */
@Service
class ImportCentre {

    static final int MAX_ROWS = 20_000;

    /** Registries and their columns (as {@link RegistryKind} documents them). */
    static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put(
                "equipment",
                List.of("name", "category", "model", "quantity", "state", "teamId", "lon", "lat", "divisionCode"));
        COLUMNS.put("warehouses", List.of("name", "address", "manager", "phone", "lon", "lat", "divisionCode"));
        COLUMNS.put("stock", List.of("warehouseId", "item", "unit", "batch", "quantity", "minLevel", "expiresOn"));
        COLUMNS.put(
                "shelters",
                List.of(
                        "name",
                        "level",
                        "duration",
                        "indoor",
                        "capacity",
                        "areaM2",
                        "address",
                        "lon",
                        "lat",
                        "divisionCode"));
        COLUMNS.put(
                "experts",
                List.of("name", "specialty", "title", "organisation", "phone", "lon", "lat", "divisionCode"));
        COLUMNS.put("bases", List.of("name", "baseKind", "address", "areaM2", "lon", "lat", "divisionCode"));
        COLUMNS.put(
                "landing-points",
                List.of("name", "pointKind", "night", "maxWeightT", "address", "lon", "lat", "divisionCode"));
    }

    private final ResourceRegistries registries;
    private final ExchangeFormat format;
    private final TransactionTemplate tx;

    ImportCentre(ResourceRegistries registries, ExchangeFormat format, PlatformTransactionManager transactions) {
        this.registries = registries;
        this.format = format;
        this.tx = new TransactionTemplate(transactions);
    }

    /** One problem of one line (line 1 is the header). */
    record RowError(int line, String field, String message) {}

    /**
     * The outcome of an import.
     *
     * @param registry the registry
     * @param rows data rows read
     * @param imported rows committed (0 when anything failed)
     * @param errors every problem, by line
     */
    record Result(String registry, int rows, int imported, List<RowError> errors) {
        boolean committed() {
            return errors.isEmpty();
        }
    }

    static Optional<RegistryKind> kind(String slug) {
        for (RegistryKind k : RegistryKind.values()) {
            if (k.slug().equals(slug)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** A template: the header row (UTF-8 CSV with BOM, so spreadsheet programs read the Chinese correctly). */
    byte[] template(String registry) {
        List<String> cols = COLUMNS.get(registry);
        if (cols == null) {
            throw new cn.yingji.shared.NotFoundException("registry", registry);
        }
        return ("\uFEFF" + String.join(",", cols) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    Result importFile(String registry, String filename, byte[] content) {
        RegistryKind kind =
                kind(registry).orElseThrow(() -> new cn.yingji.shared.NotFoundException("registry", registry));
        List<Line> lines = read(filename, content);
        List<String> expected = COLUMNS.get(registry);
        if (!lines.isEmpty()) {
            List<String> unknown = lines.get(0).cells().keySet().stream()
                    .filter(c -> !expected.contains(c))
                    .toList();
            if (!unknown.isEmpty()) {
                throw InvalidInputException.field("file", "exchange.import.unknownColumns", String.join(", ", unknown));
            }
        }
        List<RowError> errors = new ArrayList<>();
        int[] imported = {0};
        tx.executeWithoutResult(status -> {
            for (Line line : lines) {
                try {
                    registries.register(kind, line.cells());
                    imported[0]++;
                } catch (DomainException e) {
                    if (e.fieldErrors().isEmpty()) {
                        errors.add(new RowError(line.number(), "", format.text(e.messageKey(), e.args())));
                    }
                    for (var fe : e.fieldErrors()) {
                        errors.add(new RowError(line.number(), fe.field(), format.text(fe.messageKey(), fe.args())));
                    }
                } catch (org.springframework.security.access.AccessDeniedException e) {
                    errors.add(new RowError(line.number(), "", format.text("exchange.import.denied")));
                } catch (RuntimeException e) {
                    errors.add(new RowError(line.number(), "", format.text("exchange.import.rowFailed")));
                }
            }
            if (!errors.isEmpty()) {
                status.setRollbackOnly();
            }
        });
        return new Result(registry, lines.size(), errors.isEmpty() ? imported[0] : 0, errors);
    }

    record Line(int number, Map<String, String> cells) {}

    static List<Line> read(String filename, byte[] content) {
        String name = filename.toLowerCase(Locale.ROOT);
        if (content.length == 0) {
            throw InvalidInputException.field("file", "exchange.import.empty");
        }
        List<List<String>> rows = name.endsWith(".xlsx") ? xlsx(content) : csv(content);
        if (rows.isEmpty()) {
            throw InvalidInputException.field("file", "exchange.import.empty");
        }
        List<String> header = rows.get(0).stream().map(String::strip).toList();
        List<Line> out = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.stream().allMatch(String::isBlank)) {
                continue;
            }
            if (out.size() >= MAX_ROWS) {
                throw InvalidInputException.field("file", "exchange.import.tooMany", MAX_ROWS);
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                if (!header.get(c).isEmpty()) {
                    cells.put(header.get(c), c < row.size() ? row.get(c).strip() : "");
                }
            }
            out.add(new Line(r + 1, cells));
        }
        return out;
    }

    private static List<List<String>> xlsx(byte[] content) {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter fmt = new DataFormatter(Locale.ROOT);
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        var cell = row.getCell(c);
                        cells.add(cell == null ? "" : fmt.formatCellValue(cell));
                    }
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            throw InvalidInputException.field("file", "exchange.import.unreadable");
        }
    }

    /** RFC 4180 CSV, UTF-8 with optional BOM. */
    static List<List<String>> csv(byte[] content) {
        String s = new String(content, StandardCharsets.UTF_8);
        if (s.startsWith("\uFEFF")) {
            s = s.substring(1);
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(ch);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
