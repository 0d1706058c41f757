package cn.yingji.grassroots.internal;

import cn.yingji.grassroots.CheckIn;
import cn.yingji.grassroots.NewCheckIn;
import cn.yingji.grassroots.Patrols;
import cn.yingji.grassroots.Patrols.CheckInResult;
import cn.yingji.shared.ConflictException;
import cn.yingji.shared.DomainException;
import cn.yingji.shared.DomainException.FieldError;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NavigationItem;
import cn.yingji.shared.NavigationItem.NavSection;
import cn.yingji.shared.web.Problems;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Patrol pages ({@code /grassroots/patrol}, {@code /grassroots/coverage}) and API ({@code /api/v1/patrols}). */
@Controller
class PatrolController {

    private final Patrols patrols;
    private final PatrolService service;
    private final Problems problems;
    private final InfoReporters reporters;

    PatrolController(Patrols patrols, PatrolService service, Problems problems, InfoReporters reporters) {
        this.reporters = reporters;
        this.patrols = patrols;
        this.service = service;
        this.problems = problems;
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationItem patrolNav() {
            return NavigationItem.of(NavSection.GRASSROOTS, "grassroots.nav.patrol", "/grassroots/patrol", 30);
        }

        @Bean
        NavigationItem reportersNav() {
            return NavigationItem.of(NavSection.GRASSROOTS, "grassroots.nav.reporters", "/grassroots/reporters", 32);
        }

        @Bean
        NavigationItem coverageNav() {
            return NavigationItem.of(NavSection.GRASSROOTS, "grassroots.nav.coverage", "/grassroots/coverage", 31);
        }
    }

    @GetMapping("/grassroots/patrol")
    String patrolPage(Model model) {
        Instant now = service.now();
        model.addAttribute("recent", patrols.checkIns(null, now.minus(Duration.ofDays(7)), now.plusSeconds(1), 50));
        model.addAttribute("duties", CheckIn.Duty.values());
        return "grassroots/patrol";
    }

    @PostMapping("/grassroots/patrol")
    String patrolSubmit(
            @RequestParam Map<String, String> p,
            @RequestParam(required = false) org.springframework.web.multipart.@Nullable MultipartFile photo,
            RedirectAttributes flash) {
        try {
            List<FieldError> errors = new ArrayList<>();
            Double lon = number(errors, p.get("lon"));
            Double lat = number(errors, p.get("lat"));
            if (!errors.isEmpty()) {
                throw new InvalidInputException("error.validation", errors);
            }
            CheckIn.Duty duty = null;
            String d = p.get("duty");
            if (d != null && !d.isBlank()) {
                try {
                    duty = CheckIn.Duty.valueOf(d);
                } catch (IllegalArgumentException e) {
                    throw InvalidInputException.field("duty", "grassroots.error.duty");
                }
            }
            byte[] bytes = null;
            if (photo != null && !photo.isEmpty()) {
                try {
                    bytes = photo.getBytes();
                } catch (java.io.IOException e) {
                    throw InvalidInputException.field("photo", "grassroots.error.findingPhoto");
                }
            }
            CheckInResult r = patrols.checkIn(
                    new NewCheckIn(
                            p.get("gridCode"),
                            null,
                            lon,
                            lat,
                            duty,
                            p.get("note"),
                            p.get("finding"),
                            bytes,
                            photo == null ? null : photo.getOriginalFilename()),
                    p.get("key"));
            flash.addFlashAttribute(
                    "ok", problems.text(r.checkIn().outside() ? "grassroots.ok.outside" : "grassroots.ok.checkedIn"));
        } catch (InvalidInputException | ConflictException e) {
            flash.addFlashAttribute("errors", messages(e));
        }
        return "redirect:/grassroots/patrol";
    }

    @PostMapping("/grassroots/coverage/plans")
    String plan(
            @RequestParam(required = false) @Nullable String gridCode,
            @RequestParam(required = false) @Nullable String timesPerWeek,
            @RequestParam(required = false) @Nullable List<String> duties,
            RedirectAttributes flash) {
        try {
            int times;
            try {
                times = Integer.parseInt(timesPerWeek == null ? "" : timesPerWeek.strip());
            } catch (NumberFormatException e) {
                throw InvalidInputException.field("timesPerWeek", "grassroots.error.times");
            }
            List<CheckIn.Duty> parsed = new ArrayList<>();
            for (String d : duties == null ? List.<String>of() : duties) {
                try {
                    parsed.add(CheckIn.Duty.valueOf(d));
                } catch (IllegalArgumentException e) {
                    throw InvalidInputException.field("duty", "grassroots.error.duty");
                }
            }
            patrols.plan(gridCode == null ? "" : gridCode, times, parsed);
            flash.addFlashAttribute("ok", problems.text("grassroots.ok.planned"));
        } catch (InvalidInputException | ConflictException e) {
            flash.addFlashAttribute("errors", messages(e));
        }
        return "redirect:/grassroots/coverage";
    }

    @GetMapping("/grassroots/reporters")
    String reportersPage(@RequestParam(required = false) @Nullable String township, Model model) {
        model.addAttribute("villages", reporters.forTownship(township));
        return "grassroots/reporters";
    }

    @GetMapping("/grassroots/coverage")
    String coveragePage(@RequestParam(required = false) @Nullable String division, Model model) {
        model.addAttribute("coverage", patrols.coverage(division, service.now()));
        model.addAttribute("duties", CheckIn.Duty.values());
        return "grassroots/coverage";
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

    private static @Nullable Double number(List<FieldError> errors, @Nullable String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            errors.add(new FieldError("location", "grassroots.error.location"));
            return null;
        }
    }
}
