package cn.yingji.incident.internal;

import cn.yingji.identity.AuditTrail;
import cn.yingji.incident.Grade;
import cn.yingji.incident.GradingDimension;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.web.Problems;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The configuration tables as data: grading thresholds per scheme, the missing-counts-as-dead switch, reporting rules
 * (deadline, minimum grade, enabled) and re-grading windows per event type. Read by every signed-in user, changed by
 * ADMIN only, each change audited.
 */
class IncidentRulesController {

    private IncidentRulesController() {}

    /** Writes on the configuration tables. */
    @org.springframework.stereotype.Service
    static class RulesService {
        private final JdbcIncidentStore store;
        private final IncidentRoles roles;
        private final AuditTrail audit;

        RulesService(JdbcIncidentStore store, IncidentRoles roles, AuditTrail audit) {
            this.store = store;
            this.roles = roles;
            this.audit = audit;
        }

        Map<String, Object> all() {
            return Map.of(
                    "schemes", store.schemes(),
                    "thresholds", store.thresholds(),
                    "rules", store.rules(null).stream().map(RuleView::of).toList(),
                    "types", store.eventTypes());
        }

        @Transactional
        void threshold(String scheme, GradingDimension dimension, Grade grade, @Nullable BigDecimal value) {
            roles.requireAdmin();
            if (store.scheme(scheme).isEmpty()) {
                throw InvalidInputException.field("scheme", "incident.error.unknownRule");
            }
            if (value != null && (value.signum() < 0 || value.compareTo(new BigDecimal("1e15")) > 0)) {
                throw InvalidInputException.field("value", "incident.error.negative");
            }
            var before = store.thresholds().stream()
                    .filter(t -> t.scheme().equals(scheme) && t.dimension() == dimension && t.grade() == grade)
                    .findFirst()
                    .orElse(null);
            store.putThreshold(scheme, dimension, grade, value);
            var after = store.thresholds().stream()
                    .filter(t -> t.scheme().equals(scheme) && t.dimension() == dimension && t.grade() == grade)
                    .findFirst()
                    .orElse(null);
            audit.record(
                    "update",
                    "incident.grading_threshold",
                    scheme + "/" + dimension + "/" + grade,
                    null,
                    before,
                    after);
        }

        @Transactional
        void countMissing(String scheme, boolean value) {
            roles.requireAdmin();
            var before = store.schemes().stream()
                    .filter(s -> s.code().equals(scheme))
                    .findFirst()
                    .orElseThrow(() -> InvalidInputException.field("scheme", "incident.error.unknownRule"));
            store.setCountMissing(scheme, value);
            var after = store.schemes().stream()
                    .filter(s -> s.code().equals(scheme))
                    .findFirst()
                    .orElseThrow();
            audit.record("update", "incident.grading_scheme", scheme, null, before, after);
        }

        @Transactional
        void rule(int id, int deadlineMinutes, @Nullable Grade minGrade, boolean enabled) {
            roles.requireAdmin();
            ReportingRule before =
                    store.rule(id).orElseThrow(() -> InvalidInputException.field("rule", "incident.error.unknownRule"));
            if (deadlineMinutes < 0 || deadlineMinutes > 43200) {
                throw InvalidInputException.field("deadlineMinutes", "incident.error.rule");
            }
            store.updateRule(id, deadlineMinutes, minGrade, enabled);
            audit.record(
                    "update",
                    "incident.reporting_rule",
                    String.valueOf(id),
                    null,
                    before,
                    store.rule(id).orElseThrow());
        }

        @Transactional
        void window(String type, int days) {
            roles.requireAdmin();
            var before = store.eventType(type)
                    .orElseThrow(() -> InvalidInputException.field("type", "incident.error.unknownType", type));
            if (days < 0 || days > 3650) {
                throw InvalidInputException.field("days", "incident.error.rule");
            }
            store.updateWindow(type, days);
            audit.record(
                    "update",
                    "incident.event_type",
                    type,
                    null,
                    before,
                    store.eventType(type).orElseThrow());
        }
    }

    /** A reporting rule as shown and exchanged. */
    record RuleView(
            int id,
            String chain,
            String fromLevel,
            String recipient,
            @Nullable Grade minGrade,
            int deadlineMinutes,
            boolean enabled,
            String legalBasis,
            String tag) {
        static RuleView of(ReportingRule r) {
            return new RuleView(
                    r.id(),
                    r.chain(),
                    r.fromLevel().name(),
                    r.recipient().name(),
                    r.minGrade(),
                    r.deadlineMinutes(),
                    r.enabled(),
                    r.legalBasis(),
                    r.tag());
        }
    }

    @Controller
    static class Page {
        private final RulesService rules;
        private final Problems problems;

        Page(RulesService rules, Problems problems) {
            this.rules = rules;
            this.problems = problems;
        }

        @GetMapping("/incidents/admin/rules")
        String page(Model model) {
            model.addAllAttributes(rules.all());
            model.addAttribute("grades", Grade.values());
            return "incident/rules";
        }

        @PostMapping("/incidents/admin/thresholds")
        String threshold(
                @RequestParam String scheme,
                @RequestParam String dimension,
                @RequestParam String grade,
                @RequestParam(required = false) @Nullable String value,
                RedirectAttributes flash) {
            return run(
                    flash,
                    () -> rules.threshold(
                            scheme,
                            required(GradingDimension.class, dimension),
                            required(Grade.class, grade),
                            value == null || value.isBlank() ? null : number(value)));
        }

        @PostMapping("/incidents/admin/schemes/{code}")
        String scheme(
                @PathVariable String code,
                @RequestParam(defaultValue = "false") boolean countMissing,
                RedirectAttributes flash) {
            return run(flash, () -> rules.countMissing(code, countMissing));
        }

        @PostMapping("/incidents/admin/rules/{id}")
        String rule(
                @PathVariable int id,
                @RequestParam String deadlineMinutes,
                @RequestParam(required = false) @Nullable String minGrade,
                @RequestParam(defaultValue = "false") boolean enabled,
                RedirectAttributes flash) {
            return run(
                    flash,
                    () -> rules.rule(
                            id,
                            number(deadlineMinutes).intValue(),
                            IncidentPageController.parseEnum(Grade.class, minGrade),
                            enabled));
        }

        @PostMapping("/incidents/admin/types/{code}")
        String window(@PathVariable String code, @RequestParam String days, RedirectAttributes flash) {
            return run(flash, () -> rules.window(code, number(days).intValue()));
        }

        private String run(RedirectAttributes flash, Runnable action) {
            try {
                action.run();
                flash.addFlashAttribute("ok", problems.text("incident.flash.saved"));
            } catch (InvalidInputException e) {
                flash.addFlashAttribute("errors", List.of(problems.text(e.messageKey(), e.args())));
            }
            return "redirect:/incidents/admin/rules";
        }
    }

    static BigDecimal number(String v) {
        try {
            return new BigDecimal(v.trim());
        } catch (NumberFormatException e) {
            throw InvalidInputException.field("value", "incident.error.number");
        }
    }

    static <E extends Enum<E>> E required(Class<E> type, String v) {
        E e = IncidentPageController.parseEnum(type, v);
        if (e == null) {
            throw InvalidInputException.field("value", "incident.error.rule");
        }
        return e;
    }

    /** The same tables over REST: {@code GET/PUT /api/v1/incidents/config/...}. */
    @RestController
    static class Api {
        private final RulesService rules;

        Api(RulesService rules) {
            this.rules = rules;
        }

        @GetMapping("/api/v1/incidents/config")
        @ResponseBody
        Map<String, Object> all() {
            return rules.all();
        }

        /** Body: {@code {"value": 3}}; a null value removes the threshold. */
        record ThresholdBody(@Nullable BigDecimal value) {}

        @PutMapping("/api/v1/incidents/config/thresholds/{scheme}/{dimension}/{grade}")
        Map<String, Object> threshold(
                @PathVariable String scheme,
                @PathVariable String dimension,
                @PathVariable String grade,
                @RequestBody ThresholdBody body) {
            rules.threshold(
                    scheme, required(GradingDimension.class, dimension), required(Grade.class, grade), body.value());
            return rules.all();
        }

        /** Body: {@code {"deadlineMinutes": 60, "minGrade": "LARGER", "enabled": true}}. */
        record RuleBody(int deadlineMinutes, @Nullable Grade minGrade, boolean enabled) {}

        @PutMapping("/api/v1/incidents/config/rules/{id}")
        Map<String, Object> rule(@PathVariable int id, @RequestBody RuleBody body) {
            rules.rule(id, body.deadlineMinutes(), body.minGrade(), body.enabled());
            return rules.all();
        }

        /** Body: {@code {"days": 30}}. */
        record WindowBody(int days) {}

        @PutMapping("/api/v1/incidents/config/types/{code}/window")
        Map<String, Object> window(@PathVariable String code, @RequestBody WindowBody body) {
            rules.window(code, body.days());
            return rules.all();
        }
    }
}
