package cn.yingji.stats.internal;

import cn.yingji.shared.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * REST API of the statistics: accidents by year with 双下降, breakdowns by division/type/grade/month, hazards,
 * warnings and 叫应, disaster-loss reports, the historical import and the generated reports. Every figure is
 * inside the caller's view; a foreign division answers 404.
 */
@RestController
@RequestMapping("/api/v1/stats")
class StatsApiController {

    private final StatsService stats;
    private final LossService losses;
    private final HistoryImport history;
    private final ReportService reports;
    private final ExportService exports;

    StatsApiController(
            StatsService stats,
            LossService losses,
            HistoryImport history,
            ReportService reports,
            ExportService exports) {
        this.exports = exports;
        this.stats = stats;
        this.losses = losses;
        this.history = history;
        this.reports = reports;
    }

    @GetMapping("/accidents/years")
    Map<String, Object> years(
            @RequestParam(required = false) @Nullable String division,
            @RequestParam(required = false) @Nullable Integer from,
            @RequestParam(required = false) @Nullable Integer to) {
        var s = stats.scope(division);
        int t = to == null ? LocalDate.now(FactStore.ZONE).getYear() : to;
        int f = from == null ? t - 9 : from;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("division", s.code());
        out.put("divisionName", s.name());
        out.put("years", stats.years(s, f, t));
        return out;
    }

    @GetMapping("/accidents")
    Map<String, Object> accidents(
            @RequestParam(required = false) @Nullable String division,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable String grade,
            @RequestParam(defaultValue = "division") String by,
            @RequestParam(defaultValue = "true") boolean productionSafety) {
        var s = stats.scope(division);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("division", s.code());
        out.put("divisionName", s.name());
        out.put("by", by);
        out.put(
                "slices",
                stats.accidents(s, new StatsService.AccidentQuery(from, to, type, grade, productionSafety), by));
        return out;
    }

    @GetMapping("/hazards")
    Map<String, Object> hazards(
            @RequestParam(required = false) @Nullable String division,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(defaultValue = "division") String by) {
        var s = stats.scope(division);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("division", s.code());
        out.put("divisionName", s.name());
        out.put("totals", stats.hazards(s, from, to));
        out.put("slices", stats.hazardsBy(s, from, to, by));
        return out;
    }

    @GetMapping("/warnings")
    StatsService.WarningTotals warnings(
            @RequestParam(required = false) @Nullable String division,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        return stats.warnings(stats.scope(division), from, to);
    }

    @GetMapping("/losses")
    Map<String, Object> losses(
            @RequestParam(required = false) @Nullable String division,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        var s = stats.scope(division);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("totals", losses.totals(s, from, to));
        out.put("items", losses.list(s, from, to, 500));
        return out;
    }

    @PostMapping("/losses")
    ResponseEntity<LossService.Loss> report(@RequestBody LossService.LossInput in) {
        var l = losses.create(in);
        return ResponseEntity.created(URI.create("/api/v1/stats/losses/" + l.id()))
                .body(l);
    }

    @GetMapping("/losses/{id}")
    LossService.Loss loss(@PathVariable UUID id) {
        return losses.get(id);
    }

    @GetMapping("/history/template")
    ResponseEntity<byte[]> template() {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"stats-history-template.xlsx\"")
                .contentType(
                        MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(history.template());
    }

    @PostMapping("/history")
    Map<String, Object> importHistory(@RequestParam("file") MultipartFile file) {
        if (file.isEmpty()) {
            throw InvalidInputException.field("file", "stats.import.empty");
        }
        try {
            return Map.of("imported", history.importXlsx(file.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/reports/yearly")
    ResponseEntity<byte[]> yearly(
            @RequestParam int year,
            @RequestParam(required = false) @Nullable String division,
            @RequestParam(defaultValue = "pdf") String format) {
        return file(reports.build(stats.scope(division), year, null, format), year + "", format);
    }

    @GetMapping("/reports/monthly")
    ResponseEntity<byte[]> monthly(
            @RequestParam int year,
            @RequestParam int month,
            @RequestParam(required = false) @Nullable String division,
            @RequestParam(defaultValue = "pdf") String format) {
        if (month < 1 || month > 12) {
            throw InvalidInputException.field("month", "stats.error.month");
        }
        return file(reports.build(stats.scope(division), year, month, format), year + "-" + month, format);
    }

    private static ResponseEntity<byte[]> file(byte[] body, String period, String format) {
        boolean docx = "docx".equals(format);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"safety-analysis-" + period + (docx ? ".docx" : ".pdf") + "\"")
                .contentType(
                        docx
                                ? MediaType.parseMediaType(
                                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                                : MediaType.APPLICATION_PDF)
                .body(body);
    }

    @PostMapping("/exports")
    ResponseEntity<ExportService.ExportJob> export(
            @RequestParam String kind,
            @RequestParam(required = false) @Nullable String division,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        var j = exports.start(kind, division, from, to);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/stats/exports/" + j.id()))
                .body(j);
    }

    @GetMapping("/exports")
    List<ExportService.ExportJob> myExports() {
        return exports.mine();
    }

    @GetMapping("/exports/{id}")
    ExportService.ExportJob exportJob(@PathVariable UUID id) {
        return exports.job(id);
    }

    @GetMapping("/exports/{id}/file")
    ResponseEntity<org.springframework.core.io.Resource> exportFile(@PathVariable UUID id) {
        var path = exports.file(id);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"export-" + id + ".xlsx\"")
                .contentType(
                        MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(new org.springframework.core.io.FileSystemResource(path));
    }

    static List<String> formats() {
        return List.of("pdf", "docx");
    }
}
