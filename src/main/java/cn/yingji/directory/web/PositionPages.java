package cn.yingji.directory.web;

import cn.yingji.directory.AssignHolder;
import cn.yingji.directory.Directory;
import cn.yingji.directory.DirectoryManagement;
import cn.yingji.directory.HoldingKind;
import cn.yingji.directory.NewPosition;
import cn.yingji.directory.OrganisationFilter;
import cn.yingji.directory.OrganisationId;
import cn.yingji.directory.PersonFilter;
import cn.yingji.directory.PersonId;
import cn.yingji.directory.Position;
import cn.yingji.directory.PositionFilter;
import cn.yingji.directory.PositionId;
import cn.yingji.identity.CurrentUser;
import cn.yingji.shared.ConflictException;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NotFoundException;
import cn.yingji.shared.PageQuery;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class PositionPages {

    private final Directory directory;
    private final DirectoryManagement management;
    private final DirectoryFormat format;
    private final CurrentUser currentUser;

    PositionPages(
            Directory directory, DirectoryManagement management, DirectoryFormat format, CurrentUser currentUser) {
        this.directory = directory;
        this.management = management;
        this.format = format;
        this.currentUser = currentUser;
    }

    /** What the position form posts. */
    record PositionForm(
            @Nullable String name,
            @Nullable String kind,
            @Nullable String divisionPath,
            @Nullable String organisation,
            @Nullable String deputy,
            @Nullable Integer version) {

        static PositionForm of(Position p) {
            return new PositionForm(
                    p.name(),
                    p.kind(),
                    p.divisionPath(),
                    p.organisation() == null ? null : p.organisation().toString(),
                    p.deputy() == null ? null : p.deputy().toString(),
                    p.version());
        }

        NewPosition command() {
            return new NewPosition(
                    name,
                    kind,
                    divisionPath,
                    PageForms.uuid(organisation, "organisation")
                            .map(OrganisationId::new)
                            .orElse(null),
                    PageForms.uuid(deputy, "deputy").map(PositionId::new).orElse(null));
        }
    }

    @GetMapping("/positions")
    String list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String division,
            @RequestParam(required = false) @Nullable Boolean vacant,
            @RequestParam(required = false) @Nullable Integer page,
            Model model) {
        model.addAttribute("q", q);
        model.addAttribute("kind", kind);
        model.addAttribute("division", division);
        model.addAttribute("vacant", vacant);
        model.addAttribute("kinds", directory.positionKinds());
        var result = directory.positions(new PositionFilter(q, kind, division, null, vacant), PageQuery.of(page, 20));
        model.addAttribute("result", result);
        model.addAttribute(
                "holders",
                result.items().stream()
                        .collect(
                                java.util.stream.Collectors.toMap(p -> p.id(), p -> directory.currentHolders(p.id()))));
        return "directory/positions";
    }

    @GetMapping("/positions/{id}")
    String detail(@PathVariable UUID id, Model model) {
        return detail(find(id), model, Map.of());
    }

    private String detail(Position p, Model model, Map<String, String> errors) {
        model.addAttribute("position", p);
        model.addAttribute(
                "org",
                p.organisation() == null
                        ? null
                        : directory.findOrganisation(p.organisation()).orElse(null));
        model.addAttribute(
                "deputy",
                p.deputy() == null ? null : directory.findPosition(p.deputy()).orElse(null));
        model.addAttribute("current", directory.currentHolders(p.id()));
        model.addAttribute("history", directory.holdingHistory(p.id()));
        model.addAttribute(
                "candidates",
                directory
                        .persons(new PersonFilter(null, null, null), new PageQuery(0, 300))
                        .items());
        model.addAttribute("holdingKinds", HoldingKind.values());
        model.addAttribute("errors", errors);
        return "directory/position";
    }

    @PostMapping("/positions/{id}/assign")
    String assign(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String person,
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String note,
            Model model) {
        Position p = find(id);
        try {
            HoldingKind k = kind == null || kind.isBlank() ? HoldingKind.PRIMARY : HoldingKind.valueOf(kind);
            PersonId who = PageForms.uuid(person, "person").map(PersonId::new).orElse(null);
            management.assignHolder(new AssignHolder(p.id(), who, k, format.parse(from), note));
            return "redirect:/positions/" + id;
        } catch (InvalidInputException | ConflictException e) {
            return detail(p, model, format.errors(e));
        } catch (IllegalArgumentException e) {
            return detail(p, model, Map.of("_", format.text("error.validation"), "kind", format.text("error.invalid")));
        }
    }

    @PostMapping("/positions/{id}/vacate")
    String vacate(@PathVariable UUID id, @RequestParam HoldingKind kind, Model model) {
        Position p = find(id);
        try {
            management.vacate(p.id(), kind, null);
            return "redirect:/positions/" + id;
        } catch (InvalidInputException | ConflictException e) {
            return detail(p, model, format.errors(e));
        }
    }

    @GetMapping("/positions/new")
    String createForm(Model model) {
        String home = currentUser.jurisdiction().capture().stream().findFirst().orElse("");
        return form(model, new PositionForm(null, null, home, null, null, null), null, Map.of());
    }

    @PostMapping("/positions/new")
    String create(PositionForm form, Model model) {
        try {
            PositionId id = management.createPosition(form.command());
            return "redirect:/positions/" + id;
        } catch (InvalidInputException | ConflictException e) {
            return form(model, form, null, format.errors(e));
        }
    }

    @GetMapping("/positions/{id}/edit")
    String editForm(@PathVariable UUID id, Model model) {
        return form(model, PositionForm.of(find(id)), id, Map.of());
    }

    @PostMapping("/positions/{id}/edit")
    String edit(@PathVariable UUID id, PositionForm form, Model model) {
        find(id);
        try {
            management.updatePosition(new PositionId(id), form.version() == null ? -1 : form.version(), form.command());
            return "redirect:/positions/" + id;
        } catch (InvalidInputException | ConflictException e) {
            return form(model, form, id, format.errors(e));
        }
    }

    private String form(Model model, PositionForm form, @Nullable UUID id, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("id", id);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", directory.positionKinds());
        model.addAttribute("scopes", currentUser.jurisdiction().capture());
        model.addAttribute(
                "organisations",
                directory
                        .organisations(OrganisationFilter.all(), new PageQuery(0, 200))
                        .items());
        return "directory/position-form";
    }

    private Position find(UUID id) {
        return directory.findPosition(new PositionId(id)).orElseThrow(() -> new NotFoundException("position", id));
    }
}
