package cn.yingji.responsibility.internal;

import cn.yingji.responsibility.Evaluation;
import cn.yingji.responsibility.Evaluation.AccountabilityCase;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** REST API of evaluation scores and accountability cases. */
@RestController
class EvaluationApiController {

    private final Evaluation evaluation;

    EvaluationApiController(Evaluation evaluation) {
        this.evaluation = evaluation;
    }

    /**
     * A manual score.
     *
     * @param year year
     * @param districtCode district
     * @param indicator indicator code
     * @param score 0–100
     * @param evidence evidence
     */
    record ScoreBody(
            @Nullable Integer year,
            @Nullable String districtCode,
            @Nullable String indicator,
            @Nullable Integer score,
            @Nullable String evidence) {}

    @PostMapping("/api/v1/evaluation/scores")
    Evaluation.DistrictScore score(@RequestBody ScoreBody b) {
        return evaluation.score(
                b.year() == null ? EvaluationController.thisYear() : b.year(),
                b.districtCode() == null ? "" : b.districtCode(),
                b.indicator() == null ? "" : b.indicator(),
                b.score() == null ? -1 : b.score(),
                b.evidence());
    }

    @GetMapping("/api/v1/evaluation/ranking")
    List<Evaluation.DistrictScore> ranking(
            @org.springframework.web.bind.annotation.RequestParam(required = false) @Nullable Integer year) {
        return evaluation.ranking(year == null ? EvaluationController.thisYear() : year);
    }

    @GetMapping("/api/v1/evaluation/indicators")
    List<Evaluation.Indicator> indicators() {
        return evaluation.indicators();
    }

    @GetMapping("/api/v1/accountability")
    List<AccountabilityCase> cases() {
        return evaluation.cases();
    }

    /**
     * A case to open.
     *
     * @param divisionCode division
     * @param subject who
     * @param causeKind kind of cause
     * @param causeRef cause id
     * @param causeText what happened
     */
    record CaseBody(
            @Nullable String divisionCode,
            @Nullable String subject,
            AccountabilityCase.@Nullable CauseKind causeKind,
            @Nullable String causeRef,
            @Nullable String causeText) {}

    @PostMapping("/api/v1/accountability")
    ResponseEntity<AccountabilityCase> open(@RequestBody CaseBody b) {
        return ResponseEntity.status(201)
                .body(evaluation.open(b.divisionCode(), b.subject(), b.causeKind(), b.causeRef(), b.causeText()));
    }

    /**
     * Moving a case on.
     *
     * @param decision decision (required to decide)
     */
    record AdvanceBody(@Nullable String decision) {}

    @PostMapping("/api/v1/accountability/{id}/advance")
    AccountabilityCase advance(@PathVariable UUID id, @RequestBody(required = false) @Nullable AdvanceBody b) {
        if (evaluation.cases().stream().noneMatch(c -> c.id().equals(id))) {
            throw new cn.yingji.shared.NotFoundException("case", id);
        }
        return evaluation.advance(id, b == null ? null : b.decision());
    }
}
