package cn.yingji.responsibility.internal;

import cn.yingji.directory.Directory;
import cn.yingji.directory.Position;
import cn.yingji.directory.PositionFilter;
import cn.yingji.directory.PositionId;
import cn.yingji.identity.CurrentUser;
import cn.yingji.identity.Role;
import cn.yingji.responsibility.ChiefAssignment;
import cn.yingji.responsibility.DutyList;
import cn.yingji.responsibility.DutyListId;
import cn.yingji.responsibility.NewDutyList;
import cn.yingji.responsibility.Responsibilities;
import cn.yingji.responsibility.ResponsibilityManagement;
import cn.yingji.responsibility.SupervisionRule;
import cn.yingji.shared.ConflictException;
import cn.yingji.shared.DomainException;
import cn.yingji.shared.DomainException.FieldError;
import cn.yingji.shared.ForbiddenException;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NavigationItem;
import cn.yingji.shared.NavigationItem.NavSection;
import cn.yingji.shared.PageQuery;
import cn.yingji.shared.web.Problems;
import java.time.LocalDate;
import java.time.ZoneId;
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
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of the responsibility system under {@code /responsibility}. */
@Controller
class ResponsibilityPageController {

    private final Responsibilities reads;
    private final ResponsibilityManagement management;
    private final ResponsibilityService service;
    private final Directory directory;
    private final CurrentUser currentUser;
    private final Problems problems;

    ResponsibilityPageController(
            Responsibilities reads,
            ResponsibilityManagement management,
            ResponsibilityService service,
            Directory directory,
            CurrentUser currentUser,
            Problems problems) {
        this.reads = reads;
        this.management = management;
        this.service = service;
        this.directory = directory;
        this.currentUser = currentUser;
        this.problems = problems;
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationItem responsibilityMineNav() {
            return NavigationItem.of(NavSection.RESPONSIBILITY, "responsibility.nav.mine", "/responsibility/mine", 40);
        }

        @Bean
        NavigationItem responsibilityListsNav() {
            return NavigationItem.of(
                    NavSection.RESPONSIBILITY, "responsibility.nav.lists", "/responsibility/lists", 41);
        }

        @Bean
        NavigationItem responsibilityChiefsNav() {
            return NavigationItem.of(
                    NavSection.RESPONSIBILITY, "responsibility.nav.chiefs", "/responsibility/chiefs", 42);
        }

        @Bean
        NavigationItem responsibilitySupervisionNav() {
            return NavigationItem.of(
                    NavSection.RESPONSIBILITY, "responsibility.nav.supervision", "/responsibility/supervision", 43);
        }
    }

    private boolean has(java.util.Set<Role> roles) {
        return currentUser.get().map(a -> roles.stream().anyMatch(a::has)).orElse(false);
    }

    // ---- lists --------------------------------------------------------------------------------------

    @GetMapping("/responsibility/lists")
    String lists(Model model) {
        model.addAttribute("lists", reads.lists(null, null));
        model.addAttribute("counts", reads.itemCounts(LocalDate.now(ZoneId.of("Asia/Shanghai"))));
        model.addAttribute("canDraft", has(ResponsibilityService.DRAFTERS));
        return "responsibility/lists";
    }

    @GetMapping("/responsibility/mine")
    String mine(Model model) {
        model.addAttribute("lists", reads.mine());
        model.addAttribute(
                "linked", currentUser.get().map(a -> a.personId() != null).orElse(false));
        return "responsibility/mine";
    }

    @GetMapping("/responsibility/lists/new")
    String newList(@RequestParam(required = false) @Nullable UUID position, Model model) {
        ListForm form = new ListForm();
        form.positionId = position == null ? "" : position.toString();
        return listForm(form, List.of(), model);
    }

    private String listForm(ListForm form, List<String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute(
                "positions",
                directory
                        .positions(PositionFilter.all(), new PageQuery(0, PageQuery.MAX_SIZE))
                        .items());
        model.addAttribute("principles", DutyList.Principle.values());
        model.addAttribute("kinds", DutyList.Kind.values());
        return "responsibility/list-form";
    }

    @PostMapping("/responsibility/lists")
    String draft(@RequestParam MultiValueMap<String, String> params, Model model) {
        ListForm form = ListForm.from(params);
        try {
            DutyList l = management.draft(form.toNewList());
            return "redirect:/responsibility/lists/" + l.id();
        } catch (InvalidInputException | ConflictException | ForbiddenException e) {
            return listForm(form, messages(e), model);
        }
    }

    @GetMapping("/responsibility/lists/{id}")
    String list(@PathVariable UUID id, Model model) {
        DutyList l = reads.list(new DutyListId(id));
        model.addAttribute("list", l);
        model.addAttribute("versions", reads.versions(l.id()));
        model.addAttribute("holders", directory.currentHolders(l.positionId()));
        model.addAttribute("canPublish", l.state() == DutyList.State.DRAFT && has(ResponsibilityService.PUBLISHERS));
        model.addAttribute("canRevise", l.state() != DutyList.State.DRAFT && has(ResponsibilityService.DRAFTERS));
        model.addAttribute("mine", reads.mine().stream().anyMatch(m -> m.id().equals(l.id())));
        return "responsibility/list";
    }

    @PostMapping("/responsibility/lists/{id}/publish")
    String publish(@PathVariable UUID id, RedirectAttributes flash) {
        return act("/responsibility/lists/" + id, flash, "responsibility.ok.published", () -> {
            reads.list(new DutyListId(id));
            return management.publish(new DutyListId(id));
        });
    }

    @PostMapping("/responsibility/lists/{id}/revise")
    String revise(@PathVariable UUID id, RedirectAttributes flash) {
        reads.list(new DutyListId(id));
        try {
            DutyList l = management.revise(new DutyListId(id));
            flash.addFlashAttribute("ok", problems.text("responsibility.ok.revised"));
            return "redirect:/responsibility/lists/" + l.id();
        } catch (ConflictException | ForbiddenException e) {
            flash.addFlashAttribute("errors", messages(e));
            return "redirect:/responsibility/lists/" + id;
        }
    }

    @PostMapping("/responsibility/lists/{id}/items/{itemId}/complete")
    String completeItem(
            @PathVariable UUID id,
            @PathVariable UUID itemId,
            @RequestParam(required = false) @Nullable String note,
            @RequestParam(required = false) @Nullable MultipartFile evidence,
            RedirectAttributes flash) {
        return act(
                "/responsibility/lists/" + id,
                flash,
                "responsibility.ok.completed",
                () -> complete(management, id, itemId, note, evidence));
    }

    static DutyList complete(
            ResponsibilityManagement management,
            UUID id,
            UUID itemId,
            @Nullable String note,
            @Nullable MultipartFile evidence) {
        byte[] bytes = ResponsibilityApiController.bytes(evidence);
        return management.complete(
                new DutyListId(id),
                itemId,
                note,
                evidence == null ? null : evidence.getOriginalFilename(),
                evidence == null ? null : evidence.getContentType(),
                bytes);
    }

    @GetMapping("/responsibility/lists/{id}/items/{itemId}/evidence")
    ResponseEntity<byte[]> evidence(@PathVariable UUID id, @PathVariable UUID itemId) {
        return ResponsibilityApiController.download(reads.evidence(new DutyListId(id), itemId));
    }

    // ---- supervision --------------------------------------------------------------------------------

    @GetMapping("/responsibility/supervision")
    String supervision(Model model) {
        model.addAttribute("rules", reads.supervision());
        model.addAttribute("grounds", SupervisionRule.Ground.values());
        model.addAttribute("canEdit", has(java.util.Set.of(Role.ADMIN)));
        return "responsibility/supervision";
    }

    @PostMapping("/responsibility/supervision")
    String saveRule(
            @RequestParam(required = false) @Nullable String industry,
            @RequestParam(required = false) @Nullable String department,
            @RequestParam(required = false) @Nullable String ground,
            @RequestParam(required = false) @Nullable String note,
            RedirectAttributes flash) {
        return act(
                "/responsibility/supervision",
                flash,
                "responsibility.ok.saved",
                () -> management.saveSupervision(
                        null, industry, department, parse(SupervisionRule.Ground.class, ground), note));
    }

    @PostMapping("/responsibility/supervision/{id}/delete")
    String deleteRule(@PathVariable UUID id, RedirectAttributes flash) {
        return act("/responsibility/supervision", flash, "responsibility.ok.deleted", () -> {
            management.deleteSupervision(id);
            return id;
        });
    }

    // ---- chiefs -------------------------------------------------------------------------------------

    @GetMapping("/responsibility/chiefs")
    String chiefs(Model model) {
        model.addAttribute("assignments", reads.assignments(null));
        model.addAttribute("board", reads.contactBoard(service.now()));
        model.addAttribute("deadline", service.checkDeadline());
        model.addAttribute("reminders", service.reminderSummary(service.now()));
        model.addAttribute(
                "daysLeft",
                java.time.temporal.ChronoUnit.DAYS.between(
                        java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")),
                        service.deadline(service.now())));
        model.addAttribute("kinds", ChiefAssignment.Kind.values());
        model.addAttribute("objectKinds", ChiefAssignment.ObjectKind.values());
        model.addAttribute("canEdit", has(ResponsibilityService.DRAFTERS));
        List<Position> positions = has(ResponsibilityService.DRAFTERS)
                ? directory
                        .positions(PositionFilter.all(), new PageQuery(0, PageQuery.MAX_SIZE))
                        .items()
                : List.of();
        model.addAttribute("positions", positions);
        return "responsibility/chiefs";
    }

    @PostMapping("/responsibility/chiefs")
    String assign(
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String objectKind,
            @RequestParam(required = false) @Nullable String objectName,
            @RequestParam(required = false) @Nullable String positionId,
            RedirectAttributes flash) {
        return act(
                "/responsibility/chiefs",
                flash,
                "responsibility.ok.saved",
                () -> management.assign(
                        parse(ChiefAssignment.Kind.class, kind),
                        parse(ChiefAssignment.ObjectKind.class, objectKind),
                        objectName,
                        positionId == null || positionId.isBlank() ? null : new PositionId(uuid(positionId))));
    }

    @PostMapping("/responsibility/chiefs/{id}/verify")
    String verify(@PathVariable UUID id, RedirectAttributes flash) {
        return act("/responsibility/chiefs", flash, "responsibility.ok.verified", () -> management.verifyContact(id));
    }

    // ---- helpers ------------------------------------------------------------------------------------

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

    static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.field("value", "responsibility.error.unknownValue", value);
        }
    }

    static UUID uuid(String value) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.field("positionId", "responsibility.error.unknownPosition");
        }
    }

    /** The draft form: plain fields and item rows (blank rows ignored). */
    static final class ListForm {

        static final int ROWS = 8;

        String kind = "DUTY";
        String positionId = "";
        String title = "";
        String basis = "";
        List<String[]> items = new ArrayList<>();

        ListForm() {
            for (int i = 0; i < ROWS; i++) {
                items.add(new String[] {"OTHER", "", "", ""});
            }
        }

        static ListForm from(MultiValueMap<String, String> p) {
            ListForm f = new ListForm();
            f.items.clear();
            f.kind = value(p.getFirst("kind"));
            f.positionId = value(p.getFirst("positionId"));
            f.title = value(p.getFirst("title"));
            f.basis = value(p.getFirst("basis"));
            List<String> principles = p.getOrDefault("principle", List.of());
            for (int i = 0; i < principles.size(); i++) {
                f.items.add(new String[] {
                    principles.get(i), at(p, "content", i), at(p, "dueOn", i), at(p, "evidenceRequired", i)
                });
            }
            return f;
        }

        NewDutyList toNewList() {
            List<NewDutyList.NewItem> list = new ArrayList<>();
            for (String[] r : items) {
                if (r[1] == null || r[1].isBlank()) {
                    continue;
                }
                LocalDate due = null;
                if (r[2] != null && !r[2].isBlank()) {
                    try {
                        due = LocalDate.parse(r[2].strip());
                    } catch (DateTimeParseException e) {
                        throw InvalidInputException.field("items", "responsibility.error.date");
                    }
                }
                list.add(
                        new NewDutyList.NewItem(parse(DutyList.Principle.class, r[0]), r[1], due, "true".equals(r[3])));
            }
            return new NewDutyList(
                    parse(DutyList.Kind.class, kind),
                    positionId.isBlank() ? null : uuid(positionId),
                    title,
                    basis,
                    list);
        }

        private static String value(@Nullable String s) {
            return s == null ? "" : s;
        }

        private static String at(MultiValueMap<String, String> p, String key, int i) {
            List<String> v = p.getOrDefault(key, List.of());
            return i < v.size() && v.get(i) != null ? v.get(i) : "";
        }

        public String getKind() {
            return kind;
        }

        public String getPositionId() {
            return positionId;
        }

        public String getTitle() {
            return title;
        }

        public String getBasis() {
            return basis;
        }

        public List<String[]> getItems() {
            return items;
        }
    }
}
