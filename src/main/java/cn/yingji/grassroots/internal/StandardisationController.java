package cn.yingji.grassroots.internal;

import cn.yingji.grassroots.Standardisation;
import cn.yingji.grassroots.Standardisation.Assessment;
import cn.yingji.identity.CurrentUser;
import cn.yingji.identity.Role;
import cn.yingji.shared.ConflictException;
import cn.yingji.shared.DomainException;
import cn.yingji.shared.DomainException.FieldError;
import cn.yingji.shared.ForbiddenException;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NavigationItem;
import cn.yingji.shared.NavigationItem.NavSection;
import cn.yingji.shared.web.Problems;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Standardisation pages under {@code /grassroots/standardisation}. */
@Controller
class StandardisationController {

    private final Standardisation standardisation;
    private final CurrentUser currentUser;
    private final Problems problems;

    StandardisationController(Standardisation standardisation, CurrentUser currentUser, Problems problems) {
        this.standardisation = standardisation;
        this.currentUser = currentUser;
        this.problems = problems;
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationItem standardisationNav() {
            return NavigationItem.of(
                    NavSection.GRASSROOTS, "grassroots.nav.standardisation", "/grassroots/standardisation", 40);
        }
    }

    static int thisYear() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
    }

    /** The ranking of the caller's area, and a link to each township's assessment. */
    @GetMapping("/grassroots/standardisation")
    String ranking(
            @RequestParam(required = false) @Nullable String division,
            @RequestParam(required = false) @Nullable Integer year,
            Model model) {
        int y = year == null ? thisYear() : year;
        model.addAttribute("ranking", standardisation.ranking(division, y));
        model.addAttribute("year", y);
        return "grassroots/standardisation-ranking";
    }

    @GetMapping("/grassroots/standardisation/{township}/{year}")
    String assessment(@PathVariable String township, @PathVariable int year, Model model) {
        Assessment a = standardisation.assessment(township, year);
        model.addAttribute("assessment", a);
        model.addAttribute("items", standardisation.items());
        model.addAttribute("township", township);
        boolean isTownship = currentUser
                .get()
                .map(u -> u.has(Role.TOWNSHIP_OFFICER) && u.jurisdiction().canCapture(a.townshipPath()))
                .orElse(false);
        boolean isReviewer = currentUser
                .get()
                .map(u -> (u.has(Role.DISTRICT_OFFICER) || u.has(Role.DUTY_OFFICER) || u.has(Role.COMMANDER))
                        && u.jurisdiction().canCapture(a.townshipPath()))
                .orElse(false);
        model.addAttribute("canAnswer", isTownship && "DRAFT".equals(a.state()));
        model.addAttribute("canReview", isReviewer && "SUBMITTED".equals(a.state()));
        return "grassroots/standardisation";
    }

    @PostMapping("/grassroots/standardisation/{township}/{year}/items/{item}")
    String answer(
            @PathVariable String township,
            @PathVariable int year,
            @PathVariable String item,
            @RequestParam(required = false) @Nullable String selfScore,
            @RequestParam(required = false) @Nullable String note,
            @RequestParam(required = false) @Nullable MultipartFile evidence,
            RedirectAttributes flash) {
        standardisation.assessment(township, year);
        return act(township, year, flash, "grassroots.ok.answered", () -> {
            int score;
            try {
                score = Integer.parseInt(selfScore == null ? "" : selfScore.strip());
            } catch (NumberFormatException e) {
                throw InvalidInputException.field("selfScore", "grassroots.error.scoreNumber");
            }
            byte[] bytes = null;
            if (evidence != null && !evidence.isEmpty()) {
                try {
                    bytes = evidence.getBytes();
                } catch (IOException e) {
                    throw InvalidInputException.field("evidence", "grassroots.error.evidenceType");
                }
            }
            return standardisation.answer(
                    township, year, item, score, note, evidence == null ? null : evidence.getOriginalFilename(), bytes);
        });
    }

    @PostMapping("/grassroots/standardisation/{township}/{year}/submit")
    String submit(@PathVariable String township, @PathVariable int year, RedirectAttributes flash) {
        standardisation.assessment(township, year);
        return act(township, year, flash, "grassroots.ok.submitted", () -> standardisation.submit(township, year));
    }

    @PostMapping("/grassroots/standardisation/{township}/{year}/items/{item}/review")
    String review(
            @PathVariable String township,
            @PathVariable int year,
            @PathVariable String item,
            @RequestParam(required = false) @Nullable String decision,
            @RequestParam(required = false) @Nullable String note,
            RedirectAttributes flash) {
        standardisation.assessment(township, year);
        return act(
                township,
                year,
                flash,
                "grassroots.ok.reviewed",
                () -> standardisation.review(township, year, item, "ACCEPT".equals(decision), note));
    }

    @PostMapping("/grassroots/standardisation/{township}/{year}/finish")
    String finish(@PathVariable String township, @PathVariable int year, RedirectAttributes flash) {
        standardisation.assessment(township, year);
        return act(township, year, flash, "grassroots.ok.finished", () -> standardisation.finish(township, year));
    }

    @GetMapping("/grassroots/standardisation/{township}/{year}/items/{item}/evidence")
    ResponseEntity<byte[]> evidence(@PathVariable String township, @PathVariable int year, @PathVariable String item) {
        Standardisation.Evidence e = standardisation.evidence(township, year, item);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(e.contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(e.name(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(e.bytes());
    }

    private String act(String township, int year, RedirectAttributes flash, String okKey, Supplier<?> action) {
        try {
            action.get();
            flash.addFlashAttribute("ok", problems.text(okKey));
        } catch (InvalidInputException | ConflictException | ForbiddenException e) {
            flash.addFlashAttribute("errors", messages(e));
        }
        return "redirect:/grassroots/standardisation/" + township + "/" + year;
    }

    private List<String> messages(DomainException e) {
        List<String> out = new ArrayList<>();
        if (e.fieldErrors().isEmpty()) {
            out.add(problems.text(e.messageKey(), e.args()));
        }
        for (FieldError fe : e.fieldErrors()) {
            out.add(problems.text("grassroots.field." + fe.field()) + "：" + problems.text(fe.messageKey(), fe.args()));
        }
        return out;
    }
}
