package cn.yingji.directory.web;

import cn.yingji.directory.Directory;
import cn.yingji.directory.DirectoryManagement;
import cn.yingji.directory.NewOrganisation;
import cn.yingji.directory.Organisation;
import cn.yingji.directory.OrganisationFilter;
import cn.yingji.directory.OrganisationId;
import cn.yingji.directory.OrganisationKind;
import cn.yingji.directory.PersonFilter;
import cn.yingji.directory.PositionFilter;
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
class OrganisationPages {

    private final Directory directory;
    private final DirectoryManagement management;
    private final DirectoryFormat format;
    private final CurrentUser currentUser;

    OrganisationPages(
            Directory directory, DirectoryManagement management, DirectoryFormat format, CurrentUser currentUser) {
        this.directory = directory;
        this.management = management;
        this.format = format;
        this.currentUser = currentUser;
    }

    /** What the organisation form posts; strings so bad input can be shown back as typed. */
    record OrganisationForm(
            @Nullable String kind,
            @Nullable String name,
            @Nullable String shortName,
            @Nullable String creditCode,
            @Nullable String parent,
            @Nullable String divisionPath,
            @Nullable String address,
            @Nullable String lon,
            @Nullable String lat,
            @Nullable Integer version) {

        static OrganisationForm of(Organisation o) {
            return new OrganisationForm(
                    o.kind().name(),
                    o.name(),
                    o.shortName(),
                    o.creditCode(),
                    o.parent() == null ? null : o.parent().toString(),
                    o.divisionPath(),
                    o.address(),
                    o.lon() == null ? null : o.lon().toString(),
                    o.lat() == null ? null : o.lat().toString(),
                    o.version());
        }

        NewOrganisation command() {
            OrganisationKind k;
            try {
                k = kind == null || kind.isBlank() ? null : OrganisationKind.valueOf(kind);
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.field("kind", "directory.error.required");
            }
            return new NewOrganisation(
                    k,
                    name,
                    shortName,
                    creditCode,
                    PageForms.uuid(parent, "parent").map(OrganisationId::new).orElse(null),
                    divisionPath,
                    address,
                    PageForms.number(lon, "lon"),
                    PageForms.number(lat, "lat"));
        }
    }

    @GetMapping("/organisations")
    String list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable OrganisationKind kind,
            @RequestParam(required = false) @Nullable String division,
            @RequestParam(required = false) @Nullable Integer page,
            Model model) {
        model.addAttribute("q", q);
        model.addAttribute("kind", kind);
        model.addAttribute("division", division);
        model.addAttribute("kinds", OrganisationKind.values());
        model.addAttribute(
                "result", directory.organisations(new OrganisationFilter(q, kind, division), PageQuery.of(page, 20)));
        return "directory/organisations";
    }

    @GetMapping("/organisations/{id}")
    String detail(@PathVariable UUID id, Model model) {
        Organisation o = find(id);
        model.addAttribute("org", o);
        model.addAttribute(
                "parent",
                o.parent() == null
                        ? null
                        : directory.findOrganisation(o.parent()).orElse(null));
        model.addAttribute("persons", directory.persons(new PersonFilter(null, o.id(), null), new PageQuery(0, 50)));
        model.addAttribute(
                "positions",
                directory.positions(new PositionFilter(null, null, null, o.id(), null), new PageQuery(0, 50)));
        return "directory/organisation";
    }

    @GetMapping("/organisations/new")
    String createForm(Model model) {
        String home = currentUser.jurisdiction().capture().stream().findFirst().orElse("");
        return form(
                model,
                new OrganisationForm(null, null, null, null, null, home, null, null, null, null),
                null,
                Map.of());
    }

    @PostMapping("/organisations/new")
    String create(OrganisationForm form, Model model) {
        try {
            OrganisationId id = management.createOrganisation(form.command());
            return "redirect:/organisations/" + id;
        } catch (InvalidInputException | ConflictException e) {
            return form(model, form, null, format.errors(e));
        }
    }

    @GetMapping("/organisations/{id}/edit")
    String editForm(@PathVariable UUID id, Model model) {
        return form(model, OrganisationForm.of(find(id)), id, Map.of());
    }

    @PostMapping("/organisations/{id}/edit")
    String edit(@PathVariable UUID id, OrganisationForm form, Model model) {
        find(id);
        try {
            management.updateOrganisation(
                    new OrganisationId(id), form.version() == null ? -1 : form.version(), form.command());
            return "redirect:/organisations/" + id;
        } catch (InvalidInputException | ConflictException e) {
            return form(model, form, id, format.errors(e));
        }
    }

    private String form(Model model, OrganisationForm form, @Nullable UUID id, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("id", id);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", OrganisationKind.values());
        model.addAttribute("scopes", currentUser.jurisdiction().capture());
        return "directory/organisation-form";
    }

    private Organisation find(UUID id) {
        return directory
                .findOrganisation(new OrganisationId(id))
                .orElseThrow(() -> new NotFoundException("organisation", id));
    }
}
