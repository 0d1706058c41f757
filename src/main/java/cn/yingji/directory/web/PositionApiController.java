package cn.yingji.directory.web;

import cn.yingji.directory.Directory;
import cn.yingji.directory.DirectoryManagement;
import cn.yingji.directory.Holding;
import cn.yingji.directory.HoldingId;
import cn.yingji.directory.HoldingKind;
import cn.yingji.directory.Position;
import cn.yingji.directory.PositionFilter;
import cn.yingji.directory.PositionId;
import cn.yingji.directory.web.ApiBodies.HolderBody;
import cn.yingji.directory.web.ApiBodies.PositionBody;
import cn.yingji.shared.NotFoundException;
import cn.yingji.shared.PageQuery;
import cn.yingji.shared.PageResult;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/positions")
class PositionApiController {

    private final Directory directory;
    private final DirectoryManagement management;

    PositionApiController(Directory directory, DirectoryManagement management) {
        this.directory = directory;
        this.management = management;
    }

    @GetMapping
    PageResult<Position> list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String division,
            @RequestParam(required = false) @Nullable UUID organisation,
            @RequestParam(required = false) @Nullable Boolean vacant,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        return directory.positions(
                new PositionFilter(q, kind, division, ApiBodies.org(organisation), vacant), PageQuery.of(page, size));
    }

    @GetMapping("/kinds")
    List<String> kinds() {
        return directory.positionKinds();
    }

    /** Current holders of every position of a kind bound to exactly one division (the 叫应 lookup). */
    @GetMapping("/holders")
    List<Holding> holdersAt(@RequestParam String division, @RequestParam String kind) {
        return directory.holdersAt(division, kind);
    }

    @GetMapping("/{id}")
    Position one(@PathVariable UUID id) {
        return directory.findPosition(new PositionId(id)).orElseThrow(() -> new NotFoundException("position", id));
    }

    @PostMapping
    ResponseEntity<Position> create(@RequestBody PositionBody body) {
        PositionId id = management.createPosition(body.command());
        return ResponseEntity.status(HttpStatus.CREATED).body(one(id.value()));
    }

    @PutMapping("/{id}")
    Position update(@PathVariable UUID id, @RequestBody PositionBody body) {
        return management.updatePosition(new PositionId(id), ApiBodies.version(body.version()), body.command());
    }

    @GetMapping("/{id}/holders")
    Map<String, List<Holding>> holders(@PathVariable UUID id) {
        Position p = one(id);
        return Map.of("current", directory.currentHolders(p.id()), "history", directory.holdingHistory(p.id()));
    }

    @PostMapping("/{id}/holders")
    ResponseEntity<Map<String, HoldingId>> assign(@PathVariable UUID id, @RequestBody HolderBody body) {
        HoldingId holding = management.assignHolder(body.command(new PositionId(id)));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", holding));
    }

    @DeleteMapping("/{id}/holders/{kind}")
    ResponseEntity<Void> vacate(
            @PathVariable UUID id,
            @PathVariable HoldingKind kind,
            @RequestParam(required = false) @Nullable Instant at) {
        management.vacate(new PositionId(id), kind, at);
        return ResponseEntity.noContent().build();
    }
}
