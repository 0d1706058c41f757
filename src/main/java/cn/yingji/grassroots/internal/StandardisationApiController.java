package cn.yingji.grassroots.internal;

import cn.yingji.grassroots.Standardisation;
import cn.yingji.grassroots.Standardisation.Assessment;
import cn.yingji.shared.InvalidInputException;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** REST API of standardisation under {@code /api/v1/standardisation}. */
@RestController
class StandardisationApiController {

    private final Standardisation standardisation;

    StandardisationApiController(Standardisation standardisation) {
        this.standardisation = standardisation;
    }

    @GetMapping("/api/v1/standardisation/items")
    List<Standardisation.Item> items() {
        return standardisation.items();
    }

    @GetMapping("/api/v1/standardisation/ranking")
    List<Standardisation.Ranking> ranking(
            @RequestParam(required = false) @Nullable String division,
            @RequestParam(required = false) @Nullable Integer year) {
        return standardisation.ranking(division, year == null ? StandardisationController.thisYear() : year);
    }

    @GetMapping("/api/v1/standardisation/{township}/{year}")
    Assessment assessment(@PathVariable String township, @PathVariable int year) {
        return standardisation.assessment(township, year);
    }

    /** Multipart: {@code selfScore}, {@code note}, {@code evidence}. */
    @PostMapping(
            path = "/api/v1/standardisation/{township}/{year}/items/{item}",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Assessment answer(
            @PathVariable String township,
            @PathVariable int year,
            @PathVariable String item,
            @RequestParam int selfScore,
            @RequestParam(required = false) @Nullable String note,
            @RequestParam(required = false) @Nullable MultipartFile evidence) {
        byte[] bytes = null;
        if (evidence != null && !evidence.isEmpty()) {
            try {
                bytes = evidence.getBytes();
            } catch (IOException e) {
                throw InvalidInputException.field("evidence", "grassroots.error.evidenceType");
            }
        }
        return standardisation.answer(
                township, year, item, selfScore, note, evidence == null ? null : evidence.getOriginalFilename(), bytes);
    }

    @PostMapping("/api/v1/standardisation/{township}/{year}/submission")
    Assessment submit(@PathVariable String township, @PathVariable int year) {
        return standardisation.submit(township, year);
    }

    /**
     * A review decision.
     *
     * @param accept true to accept the evidence
     * @param note reason (required when rejecting)
     */
    record Review(boolean accept, @Nullable String note) {}

    @PostMapping("/api/v1/standardisation/{township}/{year}/items/{item}/review")
    Assessment review(
            @PathVariable String township,
            @PathVariable int year,
            @PathVariable String item,
            @RequestBody Review body) {
        return standardisation.review(township, year, item, body.accept(), body.note());
    }

    @PostMapping("/api/v1/standardisation/{township}/{year}/completion")
    Assessment finish(@PathVariable String township, @PathVariable int year) {
        return standardisation.finish(township, year);
    }
}
