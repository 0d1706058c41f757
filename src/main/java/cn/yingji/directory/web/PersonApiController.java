package cn.yingji.directory.web;

import cn.yingji.directory.ContactChannel;
import cn.yingji.directory.Directory;
import cn.yingji.directory.DirectoryManagement;
import cn.yingji.directory.Holding;
import cn.yingji.directory.Person;
import cn.yingji.directory.PersonFilter;
import cn.yingji.directory.PersonId;
import cn.yingji.directory.web.ApiBodies.PersonBody;
import cn.yingji.shared.NotFoundException;
import cn.yingji.shared.PageQuery;
import cn.yingji.shared.PageResult;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/persons")
class PersonApiController {

    private final Directory directory;
    private final DirectoryManagement management;

    PersonApiController(Directory directory, DirectoryManagement management) {
        this.directory = directory;
        this.management = management;
    }

    @GetMapping
    PageResult<Person> list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable UUID organisation,
            @RequestParam(required = false) @Nullable String division,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        return directory.persons(filter(q, organisation, division), PageQuery.of(page, size));
    }

    @GetMapping("/{id}")
    Person one(@PathVariable UUID id) {
        return directory.findPerson(new PersonId(id)).orElseThrow(() -> new NotFoundException("person", id));
    }

    @GetMapping("/{id}/channels")
    List<ContactChannel> channels(@PathVariable UUID id) {
        return one(id).channels();
    }

    @GetMapping("/{id}/holdings")
    List<Holding> holdings(@PathVariable UUID id) {
        return directory.holdingsOf(one(id).id());
    }

    @PostMapping
    ResponseEntity<Person> create(@RequestBody PersonBody body) {
        PersonId id = management.createPerson(body.command());
        return ResponseEntity.status(HttpStatus.CREATED).body(one(id.value()));
    }

    @PutMapping("/{id}")
    Person update(@PathVariable UUID id, @RequestBody PersonBody body) {
        return management.updatePerson(new PersonId(id), ApiBodies.version(body.version()), body.command());
    }

    @GetMapping(value = "/export.csv", produces = "text/csv")
    void export(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable UUID organisation,
            @RequestParam(required = false) @Nullable String division,
            HttpServletResponse response)
            throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"persons.csv\"");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Writer out = response.getWriter();
        out.write('\uFEFF');
        Csv.row(out, Arrays.asList("id", "name", "gender", "organisation", "divisionPath", "title", "channels"));
        PersonFilter filter = filter(q, organisation, division);
        for (int page = 0; ; page++) {
            PageResult<Person> chunk = directory.persons(filter, new PageQuery(page, PageQuery.MAX_SIZE));
            for (Person p : chunk.items()) {
                String channels = p.channels().stream()
                        .map(c -> c.type() + ":" + c.value())
                        .collect(Collectors.joining("; "));
                Csv.row(
                        out,
                        Arrays.asList(
                                p.id(), p.name(), p.gender(), p.organisation(), p.divisionPath(), p.title(), channels));
            }
            if (!chunk.hasNext()) {
                break;
            }
        }
        out.flush();
    }

    private static PersonFilter filter(@Nullable String q, @Nullable UUID organisation, @Nullable String division) {
        return new PersonFilter(q, ApiBodies.org(organisation), division);
    }
}
