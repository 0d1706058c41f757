package cn.yingji.risk.internal;

import cn.yingji.risk.ProjectReviews;
import cn.yingji.risk.ProjectReviews.Opinion;
import cn.yingji.risk.ProjectReviews.Project;
import cn.yingji.shared.ConflictException;
import cn.yingji.shared.DomainException;
import cn.yingji.shared.DomainException.FieldError;
import cn.yingji.shared.ForbiddenException;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NavigationItem;
import cn.yingji.shared.NavigationItem.NavSection;
import cn.yingji.shared.web.Problems;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of the joint project review under {@code /risk/projects}. */
@Controller
class ProjectReviewController {

    private final ProjectReviews reviews;
    private final Problems problems;

    ProjectReviewController(ProjectReviews reviews, Problems problems) {
        this.reviews = reviews;
        this.problems = problems;
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationItem projectReviewNav() {
            return NavigationItem.of(NavSection.RISK, "risk.nav.projects", "/risk/projects", 40);
        }
    }

    @GetMapping("/risk/projects")
    String list(Model model) {
        model.addAttribute("projects", reviews.list());
        return "risk/projects";
    }

    @GetMapping("/risk/projects/{id}")
    String detail(@PathVariable UUID id, Model model) {
        model.addAttribute("project", reviews.require(id));
        model.addAttribute("opinions", Opinion.values());
        model.addAttribute("defaultDue", LocalDate.now().plusDays(10).toString());
        return "risk/project";
    }

    @PostMapping("/risk/projects")
    String submit(
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String builder,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String lon,
            @RequestParam(required = false) @Nullable String lat,
            @RequestParam(required = false) @Nullable String riskSummary,
            RedirectAttributes flash) {
        try {
            Project p = reviews.submit(name, builder, category, number(lon), number(lat), riskSummary);
            return "redirect:/risk/projects/" + p.id();
        } catch (InvalidInputException | ConflictException | ForbiddenException e) {
            flash.addFlashAttribute("errors", messages(e));
            return "redirect:/risk/projects";
        }
    }

    @PostMapping("/risk/projects/{id}/route")
    String route(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable List<String> department,
            @RequestParam(required = false) @Nullable List<String> reviewer,
            @RequestParam(required = false) @Nullable List<String> dueOn,
            RedirectAttributes flash) {
        return act(id, flash, () -> {
            List<ProjectReviews.Route> routes = new ArrayList<>();
            List<String> deps = department == null ? List.of() : department;
            for (int i = 0; i < deps.size(); i++) {
                LocalDate due = null;
                String d = dueOn != null && i < dueOn.size() ? dueOn.get(i) : null;
                if (d != null && !d.isBlank()) {
                    try {
                        due = LocalDate.parse(d.strip());
                    } catch (DateTimeParseException e) {
                        throw InvalidInputException.field("dueOn", "risk.project.error.date");
                    }
                }
                routes.add(new ProjectReviews.Route(
                        deps.get(i), reviewer != null && i < reviewer.size() ? reviewer.get(i) : null, due));
            }
            return reviews.route(id, routes);
        });
    }

    @PostMapping("/risk/projects/{id}/opinion")
    String opinion(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String department,
            @RequestParam(required = false) @Nullable String opinion,
            @RequestParam(required = false) @Nullable String text,
            RedirectAttributes flash) {
        return act(id, flash, () -> {
            Opinion o;
            try {
                o = opinion == null || opinion.isBlank() ? null : Opinion.valueOf(opinion);
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.field("opinion", "risk.project.error.required");
            }
            return reviews.opinion(id, department, o, text);
        });
    }

    @PostMapping("/risk/projects/{id}/conditions/{conditionId}/close")
    String close(
            @PathVariable UUID id,
            @PathVariable UUID conditionId,
            @RequestParam(required = false) @Nullable String note,
            RedirectAttributes flash) {
        return act(id, flash, () -> reviews.closeCondition(id, conditionId, note));
    }

    private String act(UUID id, RedirectAttributes flash, Supplier<?> action) {
        reviews.require(id);
        try {
            action.get();
            flash.addFlashAttribute("ok", problems.text("risk.project.ok"));
        } catch (InvalidInputException | ConflictException | ForbiddenException e) {
            flash.addFlashAttribute("errors", messages(e));
        }
        return "redirect:/risk/projects/" + id;
    }

    private List<String> messages(DomainException e) {
        List<String> out = new ArrayList<>();
        if (e.fieldErrors().isEmpty()) {
            out.add(problems.text(e.messageKey(), e.args()));
        }
        for (FieldError fe : e.fieldErrors()) {
            out.add(problems.text("risk.project.field." + fe.field()) + "："
                    + problems.text(fe.messageKey(), fe.args()));
        }
        return out;
    }

    private static @Nullable Double number(@Nullable String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw InvalidInputException.field("location", "risk.project.error.outside");
        }
    }

    /** REST API under {@code /api/v1/projects}. */
    @RestController
    static class Api {

        private final ProjectReviews reviews;

        Api(ProjectReviews reviews) {
            this.reviews = reviews;
        }

        /**
         * A project to submit.
         *
         * @param name name
         * @param builder builder
         * @param category category
         * @param lon longitude
         * @param lat latitude
         * @param riskSummary risk assessment conclusions
         */
        record NewProject(
                @Nullable String name,
                @Nullable String builder,
                @Nullable String category,
                @Nullable Double lon,
                @Nullable Double lat,
                @Nullable String riskSummary) {}

        @GetMapping("/api/v1/projects")
        List<Project> list() {
            return reviews.list();
        }

        @GetMapping("/api/v1/projects/{id}")
        Project get(@PathVariable UUID id) {
            return reviews.require(id);
        }

        @PostMapping("/api/v1/projects")
        ResponseEntity<Project> submit(@RequestBody NewProject b) {
            Project p = reviews.submit(b.name(), b.builder(), b.category(), b.lon(), b.lat(), b.riskSummary());
            return ResponseEntity.created(URI.create("/api/v1/projects/" + p.id()))
                    .body(p);
        }

        @PostMapping("/api/v1/projects/{id}/routing")
        Project route(@PathVariable UUID id, @RequestBody List<ProjectReviews.Route> routes) {
            return reviews.route(id, routes);
        }

        /**
         * An opinion.
         *
         * @param department department
         * @param opinion opinion
         * @param text conditions or reasons
         */
        record OpinionBody(
                @Nullable String department,
                @Nullable Opinion opinion,
                @Nullable String text) {}

        @PostMapping("/api/v1/projects/{id}/opinions")
        Project opinion(@PathVariable UUID id, @RequestBody OpinionBody b) {
            return reviews.opinion(id, b.department(), b.opinion(), b.text());
        }

        /**
         * Closing a condition.
         *
         * @param note how it was met
         */
        record CloseBody(@Nullable String note) {}

        @PostMapping("/api/v1/projects/{id}/conditions/{conditionId}/closure")
        Project close(@PathVariable UUID id, @PathVariable UUID conditionId, @RequestBody CloseBody b) {
            return reviews.closeCondition(id, conditionId, b.note());
        }
    }
}
