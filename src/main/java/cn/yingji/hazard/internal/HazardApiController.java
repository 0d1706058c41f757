package cn.yingji.hazard.internal;

import cn.yingji.hazard.Hazard;
import cn.yingji.hazard.HazardId;
import cn.yingji.hazard.HazardManagement;
import cn.yingji.hazard.HazardManagement.RateLimitedException;
import cn.yingji.hazard.HazardState;
import cn.yingji.hazard.HazardStep;
import cn.yingji.hazard.Hazards;
import cn.yingji.hazard.ReportReceipt;
import cn.yingji.hazard.internal.HazardForms.ReportForm;
import cn.yingji.hazard.internal.HazardForms.StepForm;
import cn.yingji.shared.NotFoundException;
import cn.yingji.shared.PageQuery;
import cn.yingji.shared.PageResult;
import cn.yingji.shared.web.Problems;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Hidden hazards over REST. Reports and steps are {@code multipart/form-data} (fields plus an optional
 * {@code photo}) or form-encoded; a report with an {@code Idempotency-Key} header answers 200 with the first
 * hazard on a retry instead of creating another.
 */
@RestController
@RequestMapping("/api/v1/hazards")
class HazardApiController {

    private final Hazards hazards;
    private final HazardManagement management;
    private final Problems problems;

    HazardApiController(Hazards hazards, HazardManagement management, Problems problems) {
        this.hazards = hazards;
        this.management = management;
        this.problems = problems;
    }

    @PostMapping
    ResponseEntity<Hazard> report(
            // bound by ReportFormResolver; the annotation lists the fields in the API document
            @ParameterObject ReportForm form,
            @RequestParam(name = "photo", required = false) @Nullable MultipartFile photo,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key) {
        ReportReceipt r = management.report(form.command(), HazardForms.photo(photo), key);
        URI location = URI.create("/api/v1/hazards/" + r.hazard().id());
        return r.replayed()
                ? ResponseEntity.ok()
                        .location(location)
                        .header("Idempotent-Replayed", "true")
                        .body(r.hazard())
                : ResponseEntity.created(location).body(r.hazard());
    }

    @GetMapping
    PageResult<Hazard> list(
            @RequestParam(required = false) @Nullable String division,
            @RequestParam(required = false) @Nullable String industry,
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable String grade,
            @RequestParam(required = false) @Nullable String card,
            @RequestParam(required = false) @Nullable String supervised,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        return hazards.list(
                HazardForms.filter(division, industry, state, grade, card, supervised, q), PageQuery.of(page, size));
    }

    @GetMapping("/counts")
    Map<HazardState, Long> counts(
            @RequestParam(required = false) @Nullable String division,
            @RequestParam(required = false) @Nullable String industry,
            @RequestParam(required = false) @Nullable String grade,
            @RequestParam(required = false) @Nullable String card,
            @RequestParam(required = false) @Nullable String supervised) {
        return hazards.counts(HazardForms.filter(division, industry, null, grade, card, supervised, null));
    }

    @GetMapping("/{id}")
    Hazard get(@PathVariable UUID id) {
        return hazards.find(new HazardId(id)).orElseThrow(() -> new NotFoundException("hazard", id));
    }

    @GetMapping("/{id}/steps")
    List<HazardStep> steps(@PathVariable UUID id) {
        get(id);
        return hazards.steps(new HazardId(id));
    }

    @GetMapping("/{id}/photos/{photoId}")
    ResponseEntity<byte[]> photo(@PathVariable UUID id, @PathVariable UUID photoId) {
        Hazards.PhotoContent p = hazards.photo(new HazardId(id), photoId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(p.contentType()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, max-age=3600")
                .body(p.content());
    }

    @PostMapping("/{id}/verify")
    Hazard verify(
            @PathVariable UUID id,
            @ModelAttribute StepForm f,
            @RequestParam(required = false) @Nullable MultipartFile photo) {
        return management.verify(new HazardId(id), HazardForms.grade(f.grade(), "grade"), f.input(photo));
    }

    @PostMapping("/{id}/reject")
    Hazard reject(
            @PathVariable UUID id,
            @ModelAttribute StepForm f,
            @RequestParam(required = false) @Nullable MultipartFile photo) {
        return management.reject(new HazardId(id), f.input(photo));
    }

    @PostMapping("/{id}/merge")
    Hazard merge(
            @PathVariable UUID id,
            @ModelAttribute StepForm f,
            @RequestParam(required = false) @Nullable MultipartFile photo) {
        UUID into = HazardForms.uuid(f.into(), "into");
        if (into == null) {
            throw cn.yingji.shared.InvalidInputException.field("into", "hazard.error.mergeTarget");
        }
        return management.merge(new HazardId(id), new HazardId(into), f.input(photo));
    }

    @PostMapping("/{id}/assign")
    Hazard assign(
            @PathVariable UUID id,
            @ModelAttribute StepForm f,
            @RequestParam(required = false) @Nullable MultipartFile photo) {
        return management.assign(new HazardId(id), f.assignment(), f.input(photo));
    }

    @PostMapping("/{id}/start")
    Hazard start(
            @PathVariable UUID id,
            @ModelAttribute StepForm f,
            @RequestParam(required = false) @Nullable MultipartFile photo) {
        return management.start(new HazardId(id), f.input(photo));
    }

    @PostMapping("/{id}/rectify")
    Hazard rectify(
            @PathVariable UUID id,
            @ModelAttribute StepForm f,
            @RequestParam(required = false) @Nullable MultipartFile photo) {
        return management.rectify(new HazardId(id), f.input(photo));
    }

    @PostMapping("/{id}/accept")
    Hazard accept(
            @PathVariable UUID id,
            @ModelAttribute StepForm f,
            @RequestParam(required = false) @Nullable MultipartFile photo) {
        return management.accept(new HazardId(id), f.accepted(), f.input(photo));
    }

    @PostMapping("/{id}/close")
    Hazard close(
            @PathVariable UUID id,
            @ModelAttribute StepForm f,
            @RequestParam(required = false) @Nullable MultipartFile photo) {
        return management.close(new HazardId(id), f.input(photo));
    }

    @ExceptionHandler(RateLimitedException.class)
    ResponseEntity<ProblemDetail> rateLimited(RateLimitedException e) {
        return problems.of(e, HttpStatus.TOO_MANY_REQUESTS);
    }
}
