package cn.yingji.risk.internal;

import cn.yingji.risk.Gb18218Table;
import cn.yingji.risk.HazardEvaluation;
import cn.yingji.risk.HazardGrade;
import cn.yingji.risk.HazardGrading;
import cn.yingji.risk.InventoryItem;
import cn.yingji.risk.InventoryLine;
import cn.yingji.risk.MajorHazardManagement;
import cn.yingji.risk.MajorHazardSource;
import cn.yingji.risk.MajorHazardSourceId;
import cn.yingji.risk.NewMajorHazardSource;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NotFoundException;
import cn.yingji.shared.PageQuery;
import cn.yingji.shared.PageResult;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of the GB 18218-2018 registry under {@code /api/v1/risk}. */
@RestController
@RequestMapping("/api/v1/risk")
class MajorHazardApiController {

    private final MajorHazardService hazards;
    private final MajorHazardManagement management;

    MajorHazardApiController(MajorHazardService hazards, MajorHazardManagement management) {
        this.hazards = hazards;
        this.management = management;
    }

    /** Body of {@code PUT /hazard-sources/{id}}. */
    record SourceUpdate(
            @Nullable Integer version,
            @Nullable String name,
            @Nullable Integer exposedPopulation) {}

    /** Body of {@code PUT /hazard-sources/{id}/inventory}. */
    record InventoryUpdate(
            @Nullable Integer version, @Nullable List<InventoryLine> inventory) {}

    /** Body of {@code POST /hazard-sources/evaluate}. */
    record EvaluationRequest(
            @Nullable Integer exposedPopulation, @Nullable List<InventoryLine> inventory) {}

    @GetMapping("/gb18218")
    Gb18218Table table() {
        return hazards.table();
    }

    @PostMapping("/hazard-sources/evaluate")
    HazardEvaluation evaluate(@RequestBody EvaluationRequest body) {
        return hazards.evaluate(body.exposedPopulation(), body.inventory());
    }

    @GetMapping("/hazard-sources")
    PageResult<MajorHazardSource> list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Boolean major,
            @RequestParam(required = false) @Nullable HazardGrade grade,
            @RequestParam(required = false) @Nullable String division,
            @RequestParam(required = false) @Nullable UUID organisationId,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        return hazards.list(q, major, grade, division, organisationId, PageQuery.of(page, size));
    }

    @PostMapping("/hazard-sources")
    ResponseEntity<MajorHazardSource> create(@RequestBody NewMajorHazardSource body) {
        MajorHazardSourceId id = management.create(body);
        return ResponseEntity.created(URI.create("/api/v1/risk/hazard-sources/" + id))
                .body(hazards.find(id).orElseThrow());
    }

    @GetMapping(value = "/hazard-sources/export.csv", produces = "text/csv")
    void export(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Boolean major,
            @RequestParam(required = false) @Nullable HazardGrade grade,
            @RequestParam(required = false) @Nullable String division,
            HttpServletResponse response)
            throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"major-hazard-sources.csv\"");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Writer out = response.getWriter();
        out.write('\uFEFF');
        RiskFormat.csv(
                out,
                List.of(
                        "id",
                        "name",
                        "unitKind",
                        "enterprise",
                        "divisionPath",
                        "exposedPopulation",
                        "S",
                        "major",
                        "alpha",
                        "R",
                        "grade",
                        "unverifiedData",
                        "gradedAt"));
        hazards.each(q, major, grade, division, s -> {
            try {
                RiskFormat.csv(
                        out,
                        Arrays.asList(
                                s.id(),
                                s.name(),
                                s.unitKind(),
                                s.organisationName(),
                                s.divisionPath(),
                                s.exposedPopulation(),
                                s.s().toPlainString(),
                                s.major(),
                                s.alpha().toPlainString(),
                                s.r().toPlainString(),
                                s.grade() == null ? null : s.grade().number(),
                                s.unverifiedData(),
                                s.gradedAt()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.flush();
    }

    @GetMapping("/hazard-sources/{id}")
    MajorHazardSource get(@PathVariable UUID id) {
        return hazards.find(new MajorHazardSourceId(id))
                .orElseThrow(() -> new NotFoundException("major hazard source", id));
    }

    @PutMapping("/hazard-sources/{id}")
    MajorHazardSource update(@PathVariable UUID id, @RequestBody SourceUpdate body) {
        if (body.version() == null) {
            throw InvalidInputException.field("version", "risk.error.required");
        }
        return management.update(new MajorHazardSourceId(id), body.version(), body.name(), body.exposedPopulation());
    }

    @GetMapping("/hazard-sources/{id}/inventory")
    List<InventoryItem> inventory(@PathVariable UUID id) {
        get(id);
        return hazards.inventory(new MajorHazardSourceId(id));
    }

    @PutMapping("/hazard-sources/{id}/inventory")
    MajorHazardSource replaceInventory(@PathVariable UUID id, @RequestBody InventoryUpdate body) {
        if (body.version() == null) {
            throw InvalidInputException.field("version", "risk.error.required");
        }
        return management.replaceInventory(new MajorHazardSourceId(id), body.version(), body.inventory());
    }

    @GetMapping("/hazard-sources/{id}/gradings")
    List<HazardGrading> gradings(@PathVariable UUID id) {
        get(id);
        return hazards.gradings(new MajorHazardSourceId(id));
    }
}
