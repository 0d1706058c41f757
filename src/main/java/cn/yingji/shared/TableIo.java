package cn.yingji.shared;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Reads and writes registry tables as CSV (UTF-8, optional BOM, RFC 4180 quoting) or XLSX (first sheet). The first
 * row holds the column names; every further non-empty row becomes a map from column name to trimmed text.
 */
public final class TableIo {

    /** Most data rows one import may hold. */
    public static final int MAX_ROWS = 20_000;

    private TableIo() {}

    /** One data row with its 1-based line number in the file (the header is line 1). */
    public record Line(int number, Map<String, String> cells) {

        /** The trimmed cell of a column, empty when absent. */
        public String get(String column) {
            String v = cells.get(column);
            return v == null ? "" : v;
        }
    }

    /** Reads a CSV or (by file name) XLSX table; fails with a field error on {@code file} when empty or unreadable. */
    public static List<Line> read(String filename, byte[] content) {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        if (content.length == 0) {
            throw InvalidInputException.field("file", "table.empty");
        }
        List<List<String>> rows = name.endsWith(".xlsx") || name.endsWith(".xls") ? xlsx(content) : csv(content);
        if (rows.isEmpty()) {
            throw InvalidInputException.field("file", "table.empty");
        }
        List<String> header = rows.get(0).stream().map(String::strip).toList();
        List<Line> out = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.stream().allMatch(String::isBlank)) {
                continue;
            }
            if (out.size() >= MAX_ROWS) {
                throw InvalidInputException.field("file", "table.tooMany", MAX_ROWS);
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                cells.put(header.get(c), c < row.size() ? row.get(c).strip() : "");
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
                        Cell cell = row.getCell(c);
                        cells.add(cell == null ? "" : text(cell, fmt));
                    }
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            throw InvalidInputException.field("file", "table.unreadable");
        }
    }

    private static String text(Cell cell, DataFormatter fmt) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC) {
            if (DateUtil.isCellDateFormatted(cell)) {
                return cell.getLocalDateTimeCellValue().toLocalDate().toString();
            }
            double d = cell.getNumericCellValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
            return java.math.BigDecimal.valueOf(d).toPlainString();
        }
        return fmt.formatCellValue(cell);
    }

    /** Parses RFC 4180 CSV (UTF-8, optional BOM) into rows of cells. */
    public static List<List<String>> csv(byte[] content) {
        String s = new String(content, StandardCharsets.UTF_8);
        if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
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
                row.add(unguard(cell.toString()));
                cell.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(unguard(cell.toString()));
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(ch);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(unguard(cell.toString()));
            rows.add(row);
        }
        return rows;
    }

    /** Undoes the formula-injection guard of {@link #csvRow} for a value that starts with a quote and a sign. */
    private static String unguard(String v) {
        if (v.length() > 1 && v.charAt(0) == '\'' && "=+-@".indexOf(v.charAt(1)) >= 0) {
            return v.substring(1);
        }
        return v;
    }

    /** One RFC 4180 CSV row, guarded against spreadsheet formula injection. */
    public static void csvRow(Writer out, List<?> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            Object value = cells.get(i);
            String s = value == null ? "" : value.toString();
            if (!s.isEmpty() && "=+@\t\r".indexOf(s.charAt(0)) >= 0) {
                s = "'" + s;
            }
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                s = '"' + s.replace("\"", "\"\"") + '"';
            }
            out.write(s);
        }
        out.write("\r\n");
    }

    /** Writes rows (first = header) as an XLSX workbook, streaming. */
    public static void xlsx(OutputStream out, String sheetName, List<String> header, Iterable<List<?>> rows)
            throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            Sheet sheet = wb.createSheet(sheetName);
            Row h = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                h.createCell(c).setCellValue(header.get(c));
            }
            int r = 1;
            for (List<?> row : rows) {
                Row x = sheet.createRow(r++);
                for (int c = 0; c < row.size(); c++) {
                    Object v = row.get(c);
                    if (v instanceof Number num) {
                        x.createCell(c).setCellValue(num.doubleValue());
                    } else {
                        x.createCell(c).setCellValue(v == null ? "" : v.toString());
                    }
                }
            }
            wb.write(out);
            wb.dispose();
        }
    }
}
