package cn.yingji.directory.web;

import cn.yingji.directory.Directory;
import cn.yingji.directory.DirectoryManagement;
import cn.yingji.directory.HandoverNote;
import cn.yingji.directory.NewHandoverNote;
import cn.yingji.directory.NewShift;
import cn.yingji.directory.PersonFilter;
import cn.yingji.directory.PersonId;
import cn.yingji.directory.Shift;
import cn.yingji.directory.ShiftId;
import cn.yingji.directory.ShiftRole;
import cn.yingji.identity.CurrentUser;
import cn.yingji.shared.ConflictException;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.PageQuery;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
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
class RosterPages {

    private final Directory directory;
    private final DirectoryManagement management;
    private final DirectoryFormat format;
    private final CurrentUser currentUser;

    RosterPages(Directory directory, DirectoryManagement management, DirectoryFormat format, CurrentUser currentUser) {
        this.directory = directory;
        this.management = management;
        this.format = format;
        this.currentUser = currentUser;
    }

    /** What the add-shift form posts. */
    record ShiftForm(
            @Nullable String divisionPath,
            @Nullable String person,
            @Nullable String role,
            @Nullable String startsAt,
            @Nullable String endsAt,
            @Nullable String note) {}

    @GetMapping("/roster")
    String roster(@RequestParam(required = false) @Nullable String division, Model model) {
        return page(division, model, new ShiftForm(division, null, "DUTY_OFFICER", null, null, null), Map.of());
    }

    @PostMapping("/roster/shifts")
    String addShift(ShiftForm form, @RequestParam(required = false) @Nullable String division, Model model) {
        try {
            ShiftRole role = form.role() == null || form.role().isBlank() ? null : ShiftRole.valueOf(form.role());
            PersonId person =
                    PageForms.uuid(form.person(), "person").map(PersonId::new).orElse(null);
            Instant starts = format.parse(form.startsAt());
            Instant ends = format.parse(form.endsAt());
            management.createShift(new NewShift(form.divisionPath(), null, starts, ends, role, person, form.note()));
            return redirect(division);
        } catch (InvalidInputException | ConflictException e) {
            return page(division, model, form, format.errors(e));
        } catch (IllegalArgumentException e) {
            return page(
                    division,
                    model,
                    form,
                    Map.of("_", format.text("error.validation"), "role", format.text("error.invalid")));
        }
    }

    @PostMapping("/roster/shifts/{id}/notes")
    String addNote(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String text,
            @RequestParam(required = false) @Nullable String division,
            Model model) {
        try {
            management.addHandoverNote(new NewHandoverNote(new ShiftId(id), text));
            return redirect(division);
        } catch (InvalidInputException | ConflictException e) {
            Map<String, String> errors = new LinkedHashMap<>(format.errors(e));
            errors.put("noteShift", id.toString());
            return page(division, model, new ShiftForm(division, null, "DUTY_OFFICER", null, null, null), errors);
        }
    }

    @PostMapping("/roster/shifts/{id}/delete")
    String deleteShift(
            @PathVariable UUID id,
            @RequestParam int version,
            @RequestParam(required = false) @Nullable String division,
            Model model) {
        try {
            management.deleteShift(new ShiftId(id), version);
            return redirect(division);
        } catch (ConflictException e) {
            return page(
                    division, model, new ShiftForm(division, null, "DUTY_OFFICER", null, null, null), format.errors(e));
        }
    }

    private static String redirect(@Nullable String division) {
        if (division == null || division.isBlank()) {
            return "redirect:/roster";
        }
        return "redirect:"
                + org.springframework.web.util.UriComponentsBuilder.fromPath("/roster")
                        .queryParam("division", division)
                        .encode()
                        .build()
                        .toUriString();
    }

    private String page(@Nullable String division, Model model, ShiftForm form, Map<String, String> errors) {
        LocalDate today = LocalDate.now(format.zone());
        Instant dayStart = today.atStartOfDay(format.zone()).toInstant();
        Instant dayEnd = today.plusDays(1).atStartOfDay(format.zone()).toInstant();
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Instant weekStart = monday.atStartOfDay(format.zone()).toInstant();
        Instant weekEnd = monday.plusDays(7).atStartOfDay(format.zone()).toInstant();
        Instant now = Instant.now();
        List<Shift> todays = directory.shifts(division, dayStart, dayEnd);
        List<Shift> week = directory.shifts(division, weekStart, weekEnd);
        Map<ShiftId, List<HandoverNote>> notes = new LinkedHashMap<>();
        for (Shift s : todays) {
            notes.put(s.id(), directory.handoverNotes(s.id()));
        }
        model.addAttribute("division", division);
        model.addAttribute("now", now);
        model.addAttribute(
                "onDuty", todays.stream().filter(s -> s.coversInstant(now)).toList());
        model.addAttribute("today", todays);
        model.addAttribute("week", week);
        model.addAttribute("notes", notes);
        model.addAttribute("recentNotes", directory.recentHandoverNotes(division, 10));
        model.addAttribute("roles", ShiftRole.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("scopes", currentUser.jurisdiction().capture());
        model.addAttribute(
                "candidates",
                directory
                        .persons(new PersonFilter(null, null, division), new PageQuery(0, 300))
                        .items());
        return "directory/roster";
    }
}
