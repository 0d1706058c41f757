package cn.yingji.responsibility.internal;

import cn.yingji.identity.CurrentUser;
import cn.yingji.responsibility.Evaluation;
import cn.yingji.responsibility.Evaluation.AccountabilityCase;
import cn.yingji.shared.ConflictException;
import cn.yingji.shared.DomainException;
import cn.yingji.shared.DomainException.FieldError;
import cn.yingji.shared.ForbiddenException;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NavigationItem;
import cn.yingji.shared.NavigationItem.NavSection;
import cn.yingji.shared.web.Problems;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Evaluation and accountability page ({@code /responsibility/evaluation}). */
@Controller
class EvaluationController {

    private final Evaluation evaluation;
    private final CurrentUser currentUser;
    private final Problems problems;

    EvaluationController(Evaluation evaluation, CurrentUser currentUser, Problems problems) {
        this.evaluation = evaluation;
        this.currentUser = currentUser;
        this.problems = problems;
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationItem evaluationNav() {
            return NavigationItem.of(
                    NavSection.RESPONSIBILITY, "responsibility.nav.evaluation", "/responsibility/evaluation", 44);
        }
    }

    static int thisYear() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
    }

    @GetMapping("/responsibility/evaluation")
    String page(@RequestParam(required = false) @Nullable Integer year, Model model) {
        int y = year == null ? thisYear() : year;
        model.addAttribute("year", y);
        model.addAttribute("indicators", evaluation.indicators());
        model.addAttribute("ranking", evaluation.ranking(y));
        model.addAttribute("cases", evaluation.cases());
        model.addAttribute("causeKinds", AccountabilityCase.CauseKind.values());
        model.addAttribute(
                "canScore",
                currentUser
                        .get()
                        .map(a -> EvaluationService.SCORERS.stream().anyMatch(a::has))
                        .orElse(false));
        model.addAttribute(
                "canCase",
                currentUser
                        .get()
                        .map(a -> ResponsibilityService.PUBLISHERS.stream().anyMatch(a::has))
                        .orElse(false));
        return "responsibility/evaluation";
    }

    @PostMapping("/responsibility/evaluation/scores")
    String score(
            @RequestParam(required = false) @Nullable Integer year,
            @RequestParam(required = false) @Nullable String districtCode,
            @RequestParam(required = false) @Nullable String indicator,
            @RequestParam(required = false) @Nullable String score,
            @RequestParam(required = false) @Nullable String evidence,
            RedirectAttributes flash) {
        int y = year == null ? thisYear() : year;
        return act("/responsibility/evaluation?year=" + y, flash, "responsibility.ok.saved", () -> {
            int s;
            try {
                s = Integer.parseInt(score == null ? "" : score.strip());
            } catch (NumberFormatException e) {
                throw InvalidInputException.field("score", "responsibility.error.scoreRange");
            }
            return evaluation.score(
                    y, districtCode == null ? "" : districtCode, indicator == null ? "" : indicator, s, evidence);
        });
    }

    @PostMapping("/responsibility/evaluation/cases")
    String open(
            @RequestParam(required = false) @Nullable String divisionCode,
            @RequestParam(required = false) @Nullable String subject,
            @RequestParam(required = false) @Nullable String causeKind,
            @RequestParam(required = false) @Nullable String causeRef,
            @RequestParam(required = false) @Nullable String causeText,
            RedirectAttributes flash) {
        return act(
                "/responsibility/evaluation",
                flash,
                "responsibility.ok.saved",
                () -> evaluation.open(
                        divisionCode,
                        subject,
                        ResponsibilityPageController.parse(AccountabilityCase.CauseKind.class, causeKind),
                        causeRef,
                        causeText));
    }

    @PostMapping("/responsibility/evaluation/cases/{id}/advance")
    String advance(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String decision,
            RedirectAttributes flash) {
        if (evaluation.cases().stream().noneMatch(c -> c.id().equals(id))) {
            throw new cn.yingji.shared.NotFoundException("case", id);
        }
        return act(
                "/responsibility/evaluation", flash, "responsibility.ok.saved", () -> evaluation.advance(id, decision));
    }

    private String act(String back, RedirectAttributes flash, String okKey, Supplier<?> action) {
        try {
            action.get();
            flash.addFlashAttribute("ok", problems.text(okKey));
        } catch (InvalidInputException | ConflictException | ForbiddenException e) {
            flash.addFlashAttribute("errors", messages(e));
        }
        return "redirect:" + back;
    }

    private List<String> messages(DomainException e) {
        List<String> out = new ArrayList<>();
        if (e.fieldErrors().isEmpty()) {
            out.add(problems.text(e.messageKey(), e.args()));
        }
        for (FieldError fe : e.fieldErrors()) {
            out.add(problems.text("responsibility.field." + fe.field()) + "："
                    + problems.text(fe.messageKey(), fe.args()));
        }
        return out;
    }
}
