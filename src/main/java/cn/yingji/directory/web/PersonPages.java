package cn.yingji.directory.web;

import cn.yingji.directory.ChannelType;
import cn.yingji.directory.ContactChannel;
import cn.yingji.directory.Directory;
import cn.yingji.directory.DirectoryManagement;
import cn.yingji.directory.Gender;
import cn.yingji.directory.NewContactChannel;
import cn.yingji.directory.NewPerson;
import cn.yingji.directory.OrganisationId;
import cn.yingji.directory.Person;
import cn.yingji.directory.PersonFilter;
import cn.yingji.directory.PersonId;
import cn.yingji.identity.CurrentUser;
import cn.yingji.shared.ConflictException;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NotFoundException;
import cn.yingji.shared.PageQuery;
import java.util.ArrayList;
import java.util.List;
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
class PersonPages {

    static final int EXTRA_CHANNEL_ROWS = 2;

    private final Directory directory;
    private final DirectoryManagement management;
    private final DirectoryFormat format;
    private final CurrentUser currentUser;

    PersonPages(Directory directory, DirectoryManagement management, DirectoryFormat format, CurrentUser currentUser) {
        this.directory = directory;
        this.management = management;
        this.format = format;
        this.currentUser = currentUser;
    }

    /** One channel row of the form. */
    record ChannelRow(String type, String value, boolean verified) {}

    /** What the person form posts; channel rows arrive as parallel lists, blank rows are skipped. */
    record PersonForm(
            @Nullable String name,
            @Nullable String gender,
            @Nullable String organisation,
            @Nullable String divisionPath,
            @Nullable String title,
            @Nullable List<String> channelType,
            @Nullable List<String> channelValue,
            @Nullable List<String> channelVerified,
            @Nullable Integer version) {

        static PersonForm of(Person p) {
            List<String> types = new ArrayList<>();
            List<String> values = new ArrayList<>();
            List<String> verified = new ArrayList<>();
            for (ContactChannel c : p.channels()) {
                types.add(c.type().name());
                values.add(c.value());
                verified.add(Boolean.toString(c.verified()));
            }
            return new PersonForm(
                    p.name(),
                    p.gender() == null ? null : p.gender().name(),
                    p.organisation() == null ? null : p.organisation().toString(),
                    p.divisionPath(),
                    p.title(),
                    types,
                    values,
                    verified,
                    p.version());
        }

        List<ChannelRow> rows() {
            List<ChannelRow> rows = new ArrayList<>();
            int n = channelValue == null ? 0 : channelValue.size();
            for (int i = 0; i < n; i++) {
                String value = channelValue.get(i);
                if (value == null || value.isBlank()) {
                    continue;
                }
                rows.add(
                        new ChannelRow(at(channelType, i, "MOBILE"), value, "true".equals(at(channelVerified, i, ""))));
            }
            return rows;
        }

        NewPerson command() {
            Gender g = null;
            if (gender != null && !gender.isBlank()) {
                try {
                    g = Gender.valueOf(gender);
                } catch (IllegalArgumentException e) {
                    throw InvalidInputException.field("gender", "directory.error.required");
                }
            }
            List<NewContactChannel> channels = new ArrayList<>();
            for (ChannelRow row : rows()) {
                ChannelType type;
                try {
                    type = ChannelType.valueOf(row.type());
                } catch (IllegalArgumentException e) {
                    type = ChannelType.OTHER;
                }
                channels.add(new NewContactChannel(type, row.value(), row.verified()));
            }
            return new NewPerson(
                    name,
                    g,
                    PageForms.uuid(organisation, "organisation")
                            .map(OrganisationId::new)
                            .orElse(null),
                    divisionPath,
                    title,
                    channels);
        }

        private static String at(@Nullable List<String> list, int i, String fallback) {
            return list != null && i < list.size() && list.get(i) != null ? list.get(i) : fallback;
        }
    }

    @GetMapping("/persons")
    String list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable UUID organisation,
            @RequestParam(required = false) @Nullable String division,
            @RequestParam(required = false) @Nullable Integer page,
            Model model) {
        model.addAttribute("q", q);
        model.addAttribute("organisation", organisation);
        model.addAttribute("division", division);
        model.addAttribute(
                "result",
                directory.persons(
                        new PersonFilter(q, organisation == null ? null : new OrganisationId(organisation), division),
                        PageQuery.of(page, 20)));
        return "directory/persons";
    }

    @GetMapping("/persons/{id}")
    String detail(@PathVariable UUID id, Model model) {
        Person p = find(id);
        model.addAttribute("person", p);
        model.addAttribute(
                "org",
                p.organisation() == null
                        ? null
                        : directory.findOrganisation(p.organisation()).orElse(null));
        model.addAttribute("holdings", directory.holdingsOf(p.id()));
        return "directory/person";
    }

    @GetMapping("/persons/new")
    String createForm(@RequestParam(required = false) @Nullable UUID organisation, Model model) {
        String home = currentUser.jurisdiction().capture().stream().findFirst().orElse("");
        String org = organisation == null ? null : organisation.toString();
        if (organisation != null) {
            home = directory
                    .findOrganisation(new OrganisationId(organisation))
                    .map(o -> o.divisionPath())
                    .orElse(home);
        }
        return form(
                model,
                new PersonForm(null, null, org, home, null, List.of("MOBILE"), List.of(""), List.of("false"), null),
                null,
                Map.of());
    }

    @PostMapping("/persons/new")
    String create(PersonForm form, Model model) {
        try {
            PersonId id = management.createPerson(form.command());
            return "redirect:/persons/" + id;
        } catch (InvalidInputException | ConflictException e) {
            return form(model, form, null, format.errors(e));
        }
    }

    @GetMapping("/persons/{id}/edit")
    String editForm(@PathVariable UUID id, Model model) {
        return form(model, PersonForm.of(find(id)), id, Map.of());
    }

    @PostMapping("/persons/{id}/edit")
    String edit(@PathVariable UUID id, PersonForm form, Model model) {
        find(id);
        try {
            management.updatePerson(new PersonId(id), form.version() == null ? -1 : form.version(), form.command());
            return "redirect:/persons/" + id;
        } catch (InvalidInputException | ConflictException e) {
            return form(model, form, id, format.errors(e));
        }
    }

    private String form(Model model, PersonForm form, @Nullable UUID id, Map<String, String> errors) {
        List<ChannelRow> rows = new ArrayList<>(form.rows());
        for (int i = 0; i < EXTRA_CHANNEL_ROWS; i++) {
            rows.add(new ChannelRow("MOBILE", "", false));
        }
        model.addAttribute("form", form);
        model.addAttribute("rows", rows);
        model.addAttribute("id", id);
        model.addAttribute("errors", errors);
        model.addAttribute("genders", Gender.values());
        model.addAttribute("channelTypes", ChannelType.values());
        model.addAttribute("scopes", currentUser.jurisdiction().capture());
        model.addAttribute(
                "organisations",
                directory
                        .organisations(cn.yingji.directory.OrganisationFilter.all(), new PageQuery(0, 200))
                        .items());
        return "directory/person-form";
    }

    private Person find(UUID id) {
        return directory.findPerson(new PersonId(id)).orElseThrow(() -> new NotFoundException("person", id));
    }
}
