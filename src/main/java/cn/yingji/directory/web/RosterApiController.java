package cn.yingji.directory.web;

import cn.yingji.directory.Directory;
import cn.yingji.directory.DirectoryManagement;
import cn.yingji.directory.HandoverNote;
import cn.yingji.directory.HandoverNoteId;
import cn.yingji.directory.NewHandoverNote;
import cn.yingji.directory.Shift;
import cn.yingji.directory.ShiftId;
import cn.yingji.directory.web.ApiBodies.NoteBody;
import cn.yingji.directory.web.ApiBodies.ShiftBody;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/roster")
class RosterApiController {

    private static final Duration MAX_RANGE = Duration.ofDays(62);

    private final Directory directory;
    private final DirectoryManagement management;

    RosterApiController(Directory directory, DirectoryManagement management) {
        this.directory = directory;
        this.management = management;
    }

    @GetMapping("/shifts")
    List<Shift> shifts(
            @RequestParam(required = false) @Nullable String division,
            @RequestParam Instant from,
            @RequestParam Instant to) {
        if (!to.isAfter(from)) {
            throw InvalidInputException.field("to", "directory.error.rangeOrder");
        }
        if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw InvalidInputException.field("to", "directory.error.rangeTooLong", MAX_RANGE.toDays());
        }
        return directory.shifts(division, from, to);
    }

    @GetMapping("/now")
    List<Shift> now(@RequestParam String division) {
        return directory.onDutyNow(division);
    }

    @GetMapping("/shifts/{id}")
    Shift one(@PathVariable UUID id) {
        return directory.findShift(new ShiftId(id)).orElseThrow(() -> new NotFoundException("shift", id));
    }

    @PostMapping("/shifts")
    ResponseEntity<Shift> create(@RequestBody ShiftBody body) {
        ShiftId id = management.createShift(body.command());
        return ResponseEntity.status(HttpStatus.CREATED).body(one(id.value()));
    }

    @DeleteMapping("/shifts/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id, @RequestParam int version) {
        management.deleteShift(new ShiftId(id), version);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/shifts/{id}/notes")
    List<HandoverNote> notes(@PathVariable UUID id) {
        return directory.handoverNotes(one(id).id());
    }

    @PostMapping("/shifts/{id}/notes")
    ResponseEntity<Map<String, HandoverNoteId>> addNote(@PathVariable UUID id, @RequestBody NoteBody body) {
        HandoverNoteId note = management.addHandoverNote(new NewHandoverNote(new ShiftId(id), body.text()));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", note));
    }

    @GetMapping("/notes")
    List<HandoverNote> recentNotes(
            @RequestParam(required = false) @Nullable String division,
            @RequestParam(required = false, defaultValue = "20") int limit) {
        return directory.recentHandoverNotes(division, limit);
    }
}
