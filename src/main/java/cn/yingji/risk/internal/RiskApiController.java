package cn.yingji.risk.internal;

import cn.yingji.risk.Assessment;
import cn.yingji.risk.AssessmentMethod;
import cn.yingji.risk.ControlLevel;
import cn.yingji.risk.ControlMeasure;
import cn.yingji.risk.NewAssessment;
import cn.yingji.risk.NewControlMeasure;
import cn.yingji.risk.NewRiskPoint;
import cn.yingji.risk.RiskBand;
import cn.yingji.risk.RiskColour;
import cn.yingji.risk.RiskManagement;
import cn.yingji.risk.RiskMapCell;
import cn.yingji.risk.RiskPoint;
import cn.yingji.risk.RiskPointFilter;
import cn.yingji.risk.RiskPointId;
import cn.yingji.risk.RiskResult;
import cn.yingji.risk.RiskTrendPoint;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NotFoundException;
import cn.yingji.shared.PageQuery;
import cn.yingji.shared.PageResult;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of risk points, their assessments and control measures, the banding, the map and the trend. */
@RestController
@RequestMapping("/api/v1/risk")
class RiskApiController {

    private final RiskService points;
    private final RiskManagement management;

    RiskApiController(RiskService points, RiskManagement management) {
        this.points = points;
        this.management = management;
    }

    /** Body of {@code PUT /points/{id}}: the editable fields and the version read. */
    record PointUpdate(
            @Nullable Integer version,
            @Nullable String name,
            @Nullable String category,
            @Nullable String description,
            @Nullable String location,
            @Nullable Double lon,
            @Nullable Double lat) {}

    /** One band in {@code PUT /bands/{method}}. */
    record BandBody(
            @Nullable RiskColour colour,
            @Nullable String label,
            @Nullable BigDecimal lower,
            @Nullable Boolean lowerInclusive,
            @Nullable BigDecimal upper,
            @Nullable Boolean upperInclusive) {}

    @GetMapping("/points")
    PageResult<RiskPoint> list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable RiskColour colour,
            @RequestParam(required = false) @Nullable AssessmentMethod method,
            @RequestParam(required = false) @Nullable String division,
            @RequestParam(required = false) @Nullable UUID organisationId,
            @RequestParam(required = false) @Nullable Boolean unassessed,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        return points.list(
                new RiskPointFilter(q, colour, method, division, organisationId, unassessed), PageQuery.of(page, size));
    }

    @PostMapping("/points")
    ResponseEntity<RiskPoint> create(@RequestBody NewRiskPoint body) {
        RiskPointId id = management.create(body);
        return ResponseEntity.created(URI.create("/api/v1/risk/points/" + id))
                .body(points.find(id).orElseThrow());
    }

    @GetMapping(value = "/points/export.csv", produces = "text/csv")
    void export(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable RiskColour colour,
            @RequestParam(required = false) @Nullable AssessmentMethod method,
            @RequestParam(required = false) @Nullable String division,
            HttpServletResponse response)
            throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"risk-points.csv\"");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Writer out = response.getWriter();
        out.write('\uFEFF');
        RiskFormat.csv(
                out,
                List.of(
                        "id",
                        "name",
                        "category",
                        "enterprise",
                        "divisionPath",
                        "gridCode",
                        "location",
                        "method",
                        "score",
                        "colour",
                        "assessedAt"));
        points.each(new RiskPointFilter(q, colour, method, division, null, null), p -> {
            try {
                RiskFormat.csv(
                        out,
                        Arrays.asList(
                                p.id(),
                                p.name(),
                                p.category(),
                                p.organisationName(),
                                p.divisionPath(),
                                p.gridCode(),
                                p.location(),
                                p.method(),
                                p.score() == null ? null : p.score().toPlainString(),
                                p.colour(),
                                p.assessedAt()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.flush();
    }

    @GetMapping("/points/{id}")
    RiskPoint get(@PathVariable UUID id) {
        return points.find(new RiskPointId(id)).orElseThrow(() -> new NotFoundException("risk point", id));
    }

    @PutMapping("/points/{id}")
    RiskPoint update(@PathVariable UUID id, @RequestBody PointUpdate body) {
        if (body.version() == null) {
            throw InvalidInputException.field("version", "risk.error.required");
        }
        return management.update(
                new RiskPointId(id),
                body.version(),
                new NewRiskPoint(
                        body.name(),
                        body.category(),
                        body.description(),
                        null,
                        null,
                        null,
                        body.location(),
                        body.lon(),
                        body.lat()));
    }

    @GetMapping("/points/{id}/assessments")
    List<Assessment> assessments(@PathVariable UUID id) {
        get(id);
        return points.assessments(new RiskPointId(id));
    }

    @PostMapping("/points/{id}/assessments")
    ResponseEntity<Assessment> assess(@PathVariable UUID id, @RequestBody NewAssessment body) {
        Assessment a = management.assess(new RiskPointId(id), body);
        return ResponseEntity.status(201).body(a);
    }

    @GetMapping("/points/{id}/measures")
    List<ControlMeasure> measures(@PathVariable UUID id) {
        get(id);
        return points.measures(new RiskPointId(id));
    }

    @PostMapping("/points/{id}/measures")
    ResponseEntity<ControlMeasure> addMeasure(@PathVariable UUID id, @RequestBody NewControlMeasure body) {
        return ResponseEntity.status(201).body(management.addMeasure(new RiskPointId(id), body));
    }

    @DeleteMapping("/points/{id}/measures/{measureId}")
    ResponseEntity<Void> removeMeasure(@PathVariable UUID id, @PathVariable UUID measureId) {
        management.removeMeasure(new RiskPointId(id), measureId);
        return ResponseEntity.noContent().build();
    }

    /** Computes score and colour without storing anything (for live forms and other clients). */
    @PostMapping("/evaluate")
    RiskResult evaluate(@RequestBody NewAssessment body) {
        return points.evaluate(body);
    }

    @GetMapping("/factors")
    Map<AssessmentMethod, Map<String, List<BigDecimal>>> factors() {
        return points.factorValues();
    }

    @GetMapping("/control-levels")
    List<ControlLevel> controlLevels() {
        return List.of(ControlLevel.values());
    }

    @GetMapping("/bands/{method}")
    List<RiskBand> bands(@PathVariable AssessmentMethod method) {
        return points.bands(method);
    }

    @PutMapping("/bands/{method}")
    List<RiskBand> replaceBands(@PathVariable AssessmentMethod method, @RequestBody @Nullable List<BandBody> body) {
        List<RiskBand> bands = new ArrayList<>();
        if (body != null) {
            for (BandBody b : body) {
                bands.add(
                        b == null
                                ? null
                                : new RiskBand(
                                        method,
                                        b.colour(),
                                        b.label(),
                                        b.lower(),
                                        Boolean.TRUE.equals(b.lowerInclusive()),
                                        b.upper(),
                                        Boolean.TRUE.equals(b.upperInclusive())));
            }
        }
        return management.replaceBands(method, bands);
    }

    @GetMapping("/map")
    List<RiskMapCell> map(@RequestParam(defaultValue = "COUNTY") String level) {
        return points.map(level);
    }

    @GetMapping("/trend")
    List<RiskTrendPoint> trend(
            @RequestParam(defaultValue = "month") String bucket,
            @RequestParam(defaultValue = "12") int periods,
            @RequestParam(required = false) @Nullable String division) {
        return points.trend(bucket, periods, division);
    }
}
