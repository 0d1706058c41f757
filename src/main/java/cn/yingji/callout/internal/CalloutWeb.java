package cn.yingji.callout.internal;

import cn.yingji.callout.CalloutPolicy;
import cn.yingji.callout.CampaignId;
import cn.yingji.callout.StartCampaign;
import cn.yingji.callout.internal.CallListResolver.Entry;
import cn.yingji.callout.internal.CampaignEngine.Action;
import cn.yingji.geo.DivisionCode;
import cn.yingji.geo.Divisions;
import cn.yingji.identity.CurrentUser;
import cn.yingji.monitoring.WarningLevel;
import cn.yingji.notify.Attempt;
import cn.yingji.notify.Channel;
import cn.yingji.notify.Notifications;
import cn.yingji.shared.DomainException;
import cn.yingji.shared.DomainException.FieldError;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NavigationItem;
import cn.yingji.shared.NavigationItem.NavSection;
import cn.yingji.shared.web.Problems;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Pages, public answer links and REST API of the 叫应 chain. */
final class CalloutWeb {

    private CalloutWeb() {}

    @Configuration(proxyBeanMethods = false)
    static class Navigation {
        @Bean
        NavigationItem calloutCampaignsNav() {
            return NavigationItem.of(NavSection.COMMAND, "callout.nav.campaigns", "/callout/campaigns", 60);
        }

        @Bean
        NavigationItem calloutMineNav() {
            return NavigationItem.of(NavSection.COMMAND, "callout.nav.mine", "/callout/my", 61);
        }
    }

    /** Shared helpers: the area from division codes, error texts. */
    @org.springframework.stereotype.Component
    static class Support {
        private final Divisions divisions;
        private final Problems problems;
        private final CampaignEngine engine;
        private final CampaignQueries queries;

        Support(Divisions divisions, Problems problems, CampaignEngine engine, CampaignQueries queries) {
            this.divisions = divisions;
            this.problems = problems;
            this.engine = engine;
            this.queries = queries;
        }

        List<String> area(@Nullable String codes) {
            List<String> out = new ArrayList<>();
            if (codes == null) {
                return out;
            }
            for (String c : codes.split("[,，\\s]+")) {
                if (c.isBlank()) {
                    continue;
                }
                String path;
                try {
                    path = divisions
                            .find(DivisionCode.of(c.strip()))
                            .map(d -> d.path())
                            .orElse(null);
                } catch (RuntimeException e) {
                    path = null;
                }
                if (path == null) {
                    throw InvalidInputException.field("divisions", "callout.campaign.unknownDivision", c.strip());
                }
                if (!out.contains(path)) {
                    out.add(path);
                }
            }
            return out;
        }

        java.util.Optional<String> divisionName(String code) {
            try {
                return divisions.find(DivisionCode.of(code)).map(d -> d.name());
            } catch (RuntimeException e) {
                return java.util.Optional.empty();
            }
        }

        WarningLevel level(@Nullable String level) {
            try {
                return WarningLevel.valueOf(level == null ? "" : level);
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.field("level", "callout.campaign.badLevel");
            }
        }

        Action action(@Nullable String action) {
            try {
                return Action.valueOf(action == null ? "" : action);
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.field("action", "callout.answer.badAction");
            }
        }

        /** 404 unless the call is the person's own or visible to the caller (then "not yours" follows). */
        void ownOrVisible(UUID call, @Nullable UUID person) {
            CampaignEngine.CallRow row = engine.lockCallReadOnly(call);
            if (person != null && person.equals(row.person())) {
                return;
            }
            queries.call(call);
        }

        List<String> messages(DomainException e) {
            List<String> out = new ArrayList<>();
            out.add(problems.text(e.messageKey(), e.args()));
            for (FieldError fe : e.fieldErrors()) {
                out.add(problems.text(fe.messageKey(), fe.args()));
            }
            return out;
        }
    }

    @Controller
    @RequestMapping("/callout")
    static class Pages {
        private final CampaignEngine engine;
        private final AnswerAbsorber absorber;
        private final CampaignQueries queries;
        private final CampaignStream stream;
        private final PolicyService policies;
        private final CalloutRoles roles;
        private final CurrentUser currentUser;
        private final Notifications notifications;
        private final Support support;

        Pages(
                CampaignEngine engine,
                AnswerAbsorber absorber,
                CampaignQueries queries,
                CampaignStream stream,
                PolicyService policies,
                CalloutRoles roles,
                CurrentUser currentUser,
                Notifications notifications,
                Support support) {
            this.engine = engine;
            this.absorber = absorber;
            this.queries = queries;
            this.stream = stream;
            this.policies = policies;
            this.roles = roles;
            this.currentUser = currentUser;
            this.notifications = notifications;
            this.support = support;
        }

        @GetMapping("/campaigns")
        String list(@RequestParam(required = false) @Nullable Boolean drill, Model model) {
            model.addAttribute("campaigns", queries.campaigns(drill, 200));
            model.addAttribute("drill", drill);
            model.addAttribute("canStart", roles.canStart());
            model.addAttribute("policies", policies.policies());
            model.addAttribute("canEditPolicies", roles.isAdmin());
            var withPolicy =
                    policies.policies().stream().map(CalloutPolicy::level).collect(java.util.stream.Collectors.toSet());
            model.addAttribute(
                    "missingPolicyLevels",
                    java.util.Arrays.stream(WarningLevel.values())
                            .filter(l -> !withPolicy.contains(l))
                            .toList());
            return "callout/campaigns";
        }

        @GetMapping("/policies/{level}")
        String policyForm(@PathVariable String level, Model model) {
            roles.requireAdmin();
            WarningLevel l = support.level(level);
            CalloutPolicy p =
                    policies.policy(l).orElse(new CalloutPolicy(l, List.of(), List.of(), Duration.ofMinutes(5), 2));
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("tiers", policies.writeTiers(p.tiers()));
            form.put("channels", p.channels().stream().map(Enum::name).toList());
            form.put("answerTimeoutSeconds", String.valueOf(p.answerTimeout().toSeconds()));
            form.put("retries", String.valueOf(p.retries()));
            form.put("onPostMinutes", p.onPostMinutes() == null ? "" : String.valueOf(p.onPostMinutes()));
            model.addAttribute("form", form);
            model.addAttribute("level", l);
            model.addAttribute("allChannels", Channel.values());
            return "callout/policy";
        }

        @PostMapping("/policies/{level}")
        String savePolicy(
                @PathVariable String level,
                @RequestParam(required = false) @Nullable String tiers,
                @RequestParam(required = false) @Nullable List<String> channels,
                @RequestParam(required = false) @Nullable String answerTimeoutSeconds,
                @RequestParam(required = false) @Nullable String retries,
                @RequestParam(required = false) @Nullable String onPostMinutes,
                Model model,
                jakarta.servlet.http.HttpServletResponse response) {
            roles.requireAdmin();
            WarningLevel l = support.level(level);
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("tiers", tiers == null ? "" : tiers);
            form.put("channels", channels == null ? List.of() : channels);
            form.put("answerTimeoutSeconds", answerTimeoutSeconds == null ? "" : answerTimeoutSeconds);
            form.put("retries", retries == null ? "" : retries);
            form.put("onPostMinutes", onPostMinutes == null ? "" : onPostMinutes);
            model.addAttribute("form", form);
            model.addAttribute("level", l);
            model.addAttribute("allChannels", Channel.values());
            try {
                List<Channel> chs = new ArrayList<>();
                for (String c : channels == null ? List.<String>of() : channels) {
                    try {
                        chs.add(Channel.valueOf(c));
                    } catch (IllegalArgumentException e) {
                        throw InvalidInputException.field("channels", "callout.policy.noChannels");
                    }
                }
                String onPost = onPostMinutes == null ? "" : onPostMinutes.strip();
                policies.save(new CalloutPolicy(
                        l,
                        policies.readTiers(tiers),
                        chs,
                        Duration.ofSeconds(number("answerTimeoutSeconds", answerTimeoutSeconds)),
                        number("retries", retries),
                        onPost.isEmpty() ? null : number("onPostMinutes", onPost)));
                return "redirect:/callout/campaigns";
            } catch (InvalidInputException e) {
                response.setStatus(400);
                model.addAttribute("errors", support.messages(e));
                return "callout/policy";
            }
        }

        private static int number(String field, @Nullable String text) {
            try {
                return Integer.parseInt(text == null ? "" : text.strip());
            } catch (NumberFormatException e) {
                throw InvalidInputException.field(field, "callout.policy.badNumber");
            }
        }

        @GetMapping("/campaigns/new")
        String form(Model model) {
            roles.requireStarter();
            model.addAttribute("levels", WarningLevel.values());
            model.addAttribute("form", new LinkedHashMap<String, Object>());
            return "callout/new";
        }

        @PostMapping("/campaigns/new")
        String start(
                @RequestParam(required = false) @Nullable String divisions,
                @RequestParam(required = false) @Nullable String level,
                @RequestParam(required = false) @Nullable String title,
                @RequestParam(required = false) @Nullable String message,
                @RequestParam(defaultValue = "false") boolean drill,
                @RequestParam(defaultValue = "start") String step,
                Model model) {
            roles.requireStarter();
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("divisions", divisions);
            form.put("level", level);
            form.put("title", title);
            form.put("message", message);
            form.put("drill", drill);
            model.addAttribute("form", form);
            model.addAttribute("levels", WarningLevel.values());
            try {
                WarningLevel l = support.level(level);
                List<String> area = support.area(divisions);
                if (step.equals("preview")) {
                    List<Entry> entries = engine.preview(l, area);
                    model.addAttribute("preview", entries);
                    model.addAttribute(
                            "vacant", entries.stream().filter(Entry::vacant).count());
                    model.addAttribute(
                            "unreachable",
                            entries.stream().filter(Entry::unreachable).count());
                    return "callout/new";
                }
                String t = title == null || title.isBlank() ? message : title;
                CampaignId id = engine.start(new StartCampaign(
                        l, t == null ? "" : t.strip(), message == null ? "" : message.strip(), area, drill, null));
                return "redirect:/callout/campaigns/" + id;
            } catch (InvalidInputException e) {
                model.addAttribute("errors", support.messages(e));
                return "callout/new";
            }
        }

        @GetMapping("/campaigns/{id}")
        String board(@PathVariable UUID id, Model model) {
            fill(id, model);
            return "callout/board";
        }

        @GetMapping("/campaigns/{id}/board")
        String boardFragment(@PathVariable UUID id, Model model) {
            fill(id, model);
            return "callout/board :: board";
        }

        @GetMapping("/campaigns/{id}/record")
        String record(@PathVariable UUID id, Model model) {
            fill(id, model);
            return "callout/record";
        }

        @GetMapping(path = "/campaigns/{id}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
        SseEmitter stream(@PathVariable UUID id) {
            queries.campaign(id);
            return stream.open(id);
        }

        @PostMapping("/campaigns/{id}/close")
        String close(@PathVariable UUID id) {
            roles.requireStarter();
            var c = queries.campaign(id);
            currentUser.requireCapture(c.divisionPath(), "campaign", id);
            engine.close(id, java.time.Instant.now());
            return "redirect:/callout/campaigns/" + id;
        }

        private void fill(UUID id, Model model) {
            model.addAttribute("campaign", queries.campaign(id));
            model.addAttribute("tiers", queries.byTier(id));
            model.addAttribute("districts", queries.byDistrict(id));
            model.addAttribute("calls", queries.calls(id));
            Map<String, String> names = new LinkedHashMap<>();
            for (var t : engine.campaignReadOnly(id).policy().tiers()) {
                names.put(t.key(), t.name());
            }
            names.put(cn.yingji.callout.PolicyTier.DUTY_OFFICER, "值班员 / duty officer");
            for (var f : queries.byDistrict(id)) {
                support.divisionName(f.key()).ifPresent(n -> names.put(f.key(), n));
            }
            model.addAttribute("names", names);
        }

        @GetMapping("/calls/{id}")
        String call(@PathVariable UUID id, Model model) {
            var call = queries.call(id);
            model.addAttribute("call", call);
            model.addAttribute("history", queries.history(id));
            List<Attempt> attempts = notifications.attempts(CampaignEngine.SOURCE, id.toString());
            model.addAttribute("attempts", attempts);
            return "callout/call";
        }

        @GetMapping("/my")
        String mine(Model model) {
            UUID person = currentUser.require().personId();
            model.addAttribute("calls", person == null ? List.of() : queries.callsOf(person));
            return "callout/my";
        }

        @PostMapping("/calls/{id}/answer")
        String answer(
                @PathVariable UUID id,
                @RequestParam(required = false) @Nullable String action,
                @RequestParam(required = false) @Nullable String location,
                Model model,
                jakarta.servlet.http.HttpServletResponse response) {
            UUID person = currentUser.require().personId();
            support.ownOrVisible(id, person);
            try {
                absorber.answer(id, support.action(action), location, person == null ? new UUID(0, 0) : person, "APP");
            } catch (DomainException e) {
                response.setStatus(Links.status(e));
                model.addAttribute("errors", support.messages(e));
                model.addAttribute("calls", queries.callsOf(person == null ? new UUID(0, 0) : person));
                return "callout/my";
            }
            return "redirect:/callout/my";
        }
    }

    /** The public answer page behind a signed link (no sign-in: the link is the credential). */
    @Controller
    @RequestMapping("/ack")
    static class Links {
        private final CampaignEngine engine;
        private final AnswerAbsorber absorber;
        private final AnswerLinks links;
        private final CalloutClock clock;
        private final Support support;

        Links(CampaignEngine engine, AnswerAbsorber absorber, AnswerLinks links, CalloutClock clock, Support support) {
            this.engine = engine;
            this.absorber = absorber;
            this.links = links;
            this.clock = clock;
            this.support = support;
        }

        @GetMapping("/{token}")
        String page(@PathVariable String token, Model model, jakarta.servlet.http.HttpServletResponse response) {
            model.addAttribute("token", token);
            try {
                UUID call = links.verify(token, clock.now());
                CampaignEngine.CallRow row = engine.lockCallReadOnly(call);
                model.addAttribute("call", row);
                model.addAttribute("campaign", engine.campaignReadOnly(row.campaign()));
            } catch (DomainException e) {
                model.addAttribute("errors", support.messages(e));
                response.setStatus(status(e));
            }
            return "callout/ack";
        }

        /** An invalid link answers 404 (like a missing page), an expired one 410, any other refusal 400/409. */
        static int status(DomainException e) {
            return switch (e.messageKey()) {
                case "callout.link.invalid", "error.notFound" -> 404;
                case "callout.link.expired" -> 410;
                default -> e instanceof cn.yingji.shared.ConflictException ? 409 : 400;
            };
        }

        @PostMapping("/{token}")
        String answer(
                @PathVariable String token,
                @RequestParam(required = false) @Nullable String action,
                @RequestParam(required = false) @Nullable String location,
                Model model,
                jakarta.servlet.http.HttpServletResponse response) {
            model.addAttribute("token", token);
            try {
                CampaignEngine.CallRow row = absorber.answerByLink(token, support.action(action), location);
                model.addAttribute("call", row);
                model.addAttribute("campaign", engine.campaignReadOnly(row.campaign()));
                model.addAttribute("done", row.state());
            } catch (DomainException e) {
                model.addAttribute("errors", support.messages(e));
                response.setStatus(status(e));
            }
            return "callout/ack";
        }
    }

    @RestController
    @RequestMapping("/api/v1/callout")
    static class Api {
        private final CampaignEngine engine;
        private final AnswerAbsorber absorber;
        private final CampaignQueries queries;
        private final PolicyService policies;
        private final CalloutRoles roles;
        private final CurrentUser currentUser;
        private final Notifications notifications;
        private final Support support;

        Api(
                CampaignEngine engine,
                AnswerAbsorber absorber,
                CampaignQueries queries,
                PolicyService policies,
                CalloutRoles roles,
                CurrentUser currentUser,
                Notifications notifications,
                Support support) {
            this.engine = engine;
            this.absorber = absorber;
            this.queries = queries;
            this.policies = policies;
            this.roles = roles;
            this.currentUser = currentUser;
            this.notifications = notifications;
            this.support = support;
        }

        /** Body of a start or preview request: division codes, level, texts, drill flag. */
        record StartBody(
                @Nullable List<String> divisions,
                @Nullable String level,
                @Nullable String title,
                @Nullable String message,
                @Nullable Boolean drill) {}

        /** Body of an answer. */
        record AnswerBody(@Nullable String action, @Nullable String location) {}

        /** The board as JSON. */
        record Board(
                CampaignQueries.CampaignView campaign,
                List<CampaignQueries.Figures> tiers,
                List<CampaignQueries.Figures> districts,
                List<CampaignQueries.CallView> calls) {}

        /** A call with its history and attempts. */
        record CallDetail(
                CampaignQueries.CallView call, List<CampaignQueries.EventView> history, List<Attempt> attempts) {}

        @GetMapping("/campaigns")
        List<CampaignQueries.CampaignView> list(@RequestParam(required = false) @Nullable Boolean drill) {
            return queries.campaigns(drill, 500);
        }

        @GetMapping("/campaigns/{id}")
        Board board(@PathVariable UUID id) {
            return new Board(queries.campaign(id), queries.byTier(id), queries.byDistrict(id), queries.calls(id));
        }

        @PostMapping("/preview")
        List<Entry> preview(@RequestBody StartBody body) {
            roles.requireStarter();
            return engine.preview(support.level(body.level()), area(body));
        }

        @PostMapping("/campaigns")
        ResponseEntity<Board> start(@RequestBody StartBody body) {
            roles.requireStarter();
            String message = body.message() == null ? "" : body.message().strip();
            String title = body.title() == null || body.title().isBlank()
                    ? message
                    : body.title().strip();
            CampaignId id = engine.start(new StartCampaign(
                    support.level(body.level()), title, message, area(body), Boolean.TRUE.equals(body.drill()), null));
            return ResponseEntity.created(java.net.URI.create("/api/v1/callout/campaigns/" + id))
                    .body(board(id.value()));
        }

        @PostMapping("/campaigns/{id}/close")
        CampaignQueries.CampaignView close(@PathVariable UUID id) {
            roles.requireStarter();
            var c = queries.campaign(id);
            currentUser.requireCapture(c.divisionPath(), "campaign", id);
            engine.close(id, java.time.Instant.now());
            return queries.campaign(id);
        }

        @GetMapping("/calls/{id}")
        CallDetail call(@PathVariable UUID id) {
            return new CallDetail(
                    queries.call(id),
                    queries.history(id),
                    notifications.attempts(CampaignEngine.SOURCE, id.toString()));
        }

        /** The signed-in person answers their own call (app button). */
        @PostMapping("/calls/{id}/answer")
        CampaignQueries.CallView answer(@PathVariable UUID id, @RequestBody AnswerBody body) {
            UUID person = currentUser.require().personId();
            support.ownOrVisible(id, person);
            absorber.answer(
                    id,
                    support.action(body.action()),
                    body.location(),
                    person == null ? new UUID(0, 0) : person,
                    "APP");
            return engine.view(id);
        }

        @GetMapping("/my-calls")
        List<CampaignQueries.CallView> mine() {
            UUID person = currentUser.require().personId();
            return person == null ? List.of() : queries.callsOf(person);
        }

        @GetMapping("/policies")
        List<CalloutPolicy> policies() {
            return policies.policies();
        }

        @PutMapping("/policies/{level}")
        CalloutPolicy save(@PathVariable String level, @RequestBody CalloutPolicy policy) {
            roles.requireAdmin();
            WarningLevel l = support.level(level);
            CalloutPolicy p = new CalloutPolicy(
                    l,
                    policy.tiers(),
                    policy.channels(),
                    policy.answerTimeout(),
                    policy.retries(),
                    policy.onPostMinutes());
            policies.save(p);
            return policies.policy(l).orElseThrow();
        }

        private List<String> area(StartBody body) {
            return support.area(body.divisions() == null ? null : String.join(",", body.divisions()));
        }
    }
}
