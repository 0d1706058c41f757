package cn.yingji.directory.web;

import cn.yingji.directory.Directory;
import cn.yingji.directory.DirectoryManagement;
import cn.yingji.directory.Organisation;
import cn.yingji.directory.OrganisationFilter;
import cn.yingji.directory.OrganisationId;
import cn.yingji.directory.OrganisationKind;
import cn.yingji.directory.web.ApiBodies.OrganisationBody;
import cn.yingji.shared.NotFoundException;
import cn.yingji.shared.PageQuery;
import cn.yingji.shared.PageResult;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
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
@RequestMapping("/api/v1/organisations")
class OrganisationApiController {

    private final Directory directory;
    private final DirectoryManagement management;

    OrganisationApiController(Directory directory, DirectoryManagement management) {
        this.directory = directory;
        this.management = management;
    }

    @GetMapping
    PageResult<Organisation> list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable OrganisationKind kind,
            @RequestParam(required = false) @Nullable String division,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        return directory.organisations(new OrganisationFilter(q, kind, division), PageQuery.of(page, size));
    }

    @GetMapping("/{id}")
    Organisation one(@PathVariable UUID id) {
        return directory
                .findOrganisation(new OrganisationId(id))
                .orElseThrow(() -> new NotFoundException("organisation", id));
    }

    @PostMapping
    ResponseEntity<Organisation> create(@RequestBody OrganisationBody body) {
        OrganisationId id = management.createOrganisation(body.command());
        return ResponseEntity.status(HttpStatus.CREATED).body(one(id.value()));
    }

    @PutMapping("/{id}")
    Organisation update(@PathVariable UUID id, @RequestBody OrganisationBody body) {
        return management.updateOrganisation(new OrganisationId(id), ApiBodies.version(body.version()), body.command());
    }

    @GetMapping(value = "/export.csv", produces = "text/csv")
    void export(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable OrganisationKind kind,
            @RequestParam(required = false) @Nullable String division,
            HttpServletResponse response)
            throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"organisations.csv\"");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Writer out = response.getWriter();
        out.write('\uFEFF');
        Csv.row(
                out,
                Arrays.asList(
                        "id",
                        "kind",
                        "name",
                        "shortName",
                        "creditCode",
                        "parent",
                        "divisionPath",
                        "address",
                        "lon",
                        "lat"));
        OrganisationFilter filter = new OrganisationFilter(q, kind, division);
        for (int page = 0; ; page++) {
            PageResult<Organisation> chunk = directory.organisations(filter, new PageQuery(page, PageQuery.MAX_SIZE));
            for (Organisation o : chunk.items()) {
                Csv.row(
                        out,
                        Arrays.asList(
                                o.id(),
                                o.kind(),
                                o.name(),
                                o.shortName(),
                                o.creditCode(),
                                o.parent(),
                                o.divisionPath(),
                                o.address(),
                                o.lon(),
                                o.lat()));
            }
            if (!chunk.hasNext()) {
                break;
            }
        }
        out.flush();
    }
}
