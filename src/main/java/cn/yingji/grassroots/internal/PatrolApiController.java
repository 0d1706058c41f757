package cn.yingji.grassroots.internal;

import cn.yingji.grassroots.CheckIn;
import cn.yingji.grassroots.NewCheckIn;
import cn.yingji.grassroots.Patrols;
import cn.yingji.grassroots.Patrols.CheckInResult;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** REST API of patrols under {@code /api/v1/patrols}. */
@org.springframework.web.bind.annotation.RestController
class PatrolApiController {

    private final Patrols patrols;
    private final PatrolService service;

    PatrolApiController(Patrols patrols, PatrolService service) {
        this.patrols = patrols;
        this.service = service;
    }

    /** Records a check-in; with an {@code Idempotency-Key} a retry answers 200 with the first one. */
    @PostMapping("/api/v1/patrols/check-ins")
    ResponseEntity<CheckIn> checkIn(
            @RequestBody NewCheckIn body,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key) {
        CheckInResult r = patrols.checkIn(body, key);
        return r.replayed()
                ? ResponseEntity.ok().header("Idempotent-Replayed", "true").body(r.checkIn())
                : ResponseEntity.created(URI.create(
                                "/api/v1/patrols/check-ins/" + r.checkIn().id()))
                        .body(r.checkIn());
    }

    @GetMapping("/api/v1/patrols/check-ins")
    List<CheckIn> checkIns(
            @RequestParam(required = false) @Nullable String grid,
            @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to,
            @RequestParam(required = false) @Nullable Integer limit) {
        Instant now = service.now();
        return patrols.checkIns(
                grid,
                from == null ? now.minus(Duration.ofDays(7)) : from,
                to == null ? now.plusSeconds(1) : to,
                limit == null ? 200 : limit);
    }

    @GetMapping("/api/v1/patrols/coverage")
    Patrols.Coverage coverage(
            @RequestParam(required = false) @Nullable String division,
            @RequestParam(required = false) @Nullable Instant at) {
        return patrols.coverage(division, at == null ? service.now() : at);
    }

    /**
     * A patrol plan.
     *
     * @param timesPerWeek patrols each week
     * @param duties duties served
     */
    record PlanBody(
            @Nullable Integer timesPerWeek, @Nullable List<CheckIn.Duty> duties) {}

    @org.springframework.web.bind.annotation.PutMapping("/api/v1/patrols/plans/{grid}")
    Patrols.PatrolPlan plan(
            @org.springframework.web.bind.annotation.PathVariable String grid, @RequestBody PlanBody body) {
        return patrols.plan(
                grid,
                body.timesPerWeek() == null ? 0 : body.timesPerWeek(),
                body.duties() == null ? List.of() : body.duties());
    }
}
