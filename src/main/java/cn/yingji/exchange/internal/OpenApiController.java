package cn.yingji.exchange.internal;

import cn.yingji.exchange.SharedResource;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The open API for departments ({@code /api/open/v1}), authenticated by API key. Every answer is limited to the
 * client's scopes (another resource: 403) and jurisdiction (a foreign row: 404; lists never show one).
 */
@RestController
@RequestMapping("/api/open/v1")
class OpenApiController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    static final int GEOJSON_LIMIT = 10_000;

    private final JdbcExchangeStore store;
    private final JsonMapper json;

    OpenApiController(JdbcExchangeStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    /** What this client may read. */
    @GetMapping("/catalogue")
    Map<String, Object> catalogue(@AuthenticationPrincipal ApiClientPrincipal client) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("client", client.name());
        m.put("department", client.department());
        m.put(
                "resources",
                client.scopes().stream().map(SharedResource::slug).sorted().toList());
        m.put("jurisdiction", client.jurisdiction().view());
        m.put("ratePerMinute", client.ratePerMinute());
        return m;
    }

    /**
     * Changes since a cursor, oldest first. Start without a cursor; pass {@code nextCursor} of the previous page.
     * An empty page keeps the cursor; poll again later.
     */
    @GetMapping("/{resource}/changes")
    Map<String, Object> changes(
            @AuthenticationPrincipal ApiClientPrincipal client,
            @PathVariable String resource,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit,
            HttpServletRequest request) {
        SharedResource r = scoped(client, resource);
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw InvalidInputException.field("limit", "exchange.error.limit", MAX_LIMIT);
        }
        String tx = "0";
        long seq = 0;
        if (cursor != null && !cursor.isBlank()) {
            String[] parts = cursor.trim().split("\\.");
            try {
                if (parts.length != 2) {
                    throw new NumberFormatException();
                }
                tx = Long.toString(Long.parseLong(parts[0]));
                seq = Long.parseLong(parts[1]);
            } catch (NumberFormatException e) {
                throw InvalidInputException.field("cursor", "exchange.error.cursor");
            }
        }
        var rows = store.changesAfter(r, tx, seq, client.jurisdiction().viewPatterns(), size);
        List<Map<String, Object>> items = new ArrayList<>();
        for (var c : rows) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("cursor", c.cursor());
            item.put("change", c.change());
            item.put("changedAt", c.changedAt().toString());
            item.put("id", c.entityId().toString());
            item.put("data", shared(c.snapshot(), client));
            items.add(item);
        }
        request.setAttribute(OpenApiKeyFilter.ROWS_ATTRIBUTE, items.size());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("resource", r.slug());
        out.put("items", items);
        out.put(
                "nextCursor",
                rows.isEmpty()
                        ? (cursor == null || cursor.isBlank() ? "0.0" : tx + "." + seq)
                        : rows.get(rows.size() - 1).cursor());
        out.put("hasMore", rows.size() == size);
        return out;
    }

    /** The latest shared state of one row. */
    @GetMapping("/{resource}/{id}")
    Map<String, Object> one(
            @AuthenticationPrincipal ApiClientPrincipal client,
            @PathVariable String resource,
            @PathVariable String id,
            HttpServletRequest request) {
        SharedResource r = scoped(client, resource);
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(r.slug(), id);
        }
        var c = store.latest(r, uuid)
                .filter(x -> x.divisionPaths().stream().anyMatch(client.jurisdiction()::canView))
                .orElseThrow(() -> new NotFoundException(r.slug(), id));
        request.setAttribute(OpenApiKeyFilter.ROWS_ATTRIBUTE, 1);
        return shared(c.snapshot(), client);
    }

    /**
     * A stored snapshot as this client may see it: a row over several divisions (a warning for two districts) names
     * only the divisions in the client's jurisdiction.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> shared(String snapshot, ApiClientPrincipal client) {
        Map<String, Object> m = json.readValue(snapshot, Map.class);
        return Representations.warningFor(m, client.jurisdiction()::canView);
    }

    /** The latest state of every visible row with a place, as GeoJSON (RFC 7946, WGS 84 lon/lat). */
    @GetMapping(value = "/{resource}/geojson", produces = "application/geo+json")
    ResponseEntity<String> geojson(
            @AuthenticationPrincipal ApiClientPrincipal client,
            @PathVariable String resource,
            HttpServletRequest request) {
        SharedResource r = scoped(client, resource);
        var rows = store.latestWithPlace(r, client.jurisdiction().viewPatterns(), GEOJSON_LIMIT);
        List<GeoJsonWriter.Feature> features = new ArrayList<>();
        for (var c : rows) {
            features.add(
                    new GeoJsonWriter.Feature(c.entityId().toString(), c.lon(), c.lat(), shared(c.snapshot(), client)));
        }
        request.setAttribute(OpenApiKeyFilter.ROWS_ATTRIBUTE, features.size());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/geo+json"))
                .body(GeoJsonWriter.write(json, features));
    }

    private static SharedResource scoped(ApiClientPrincipal client, String resource) {
        SharedResource r =
                SharedResource.ofSlug(resource).orElseThrow(() -> new NotFoundException("resource", resource));
        if (!client.scopes().contains(r)) {
            throw new cn.yingji.shared.ForbiddenException("exchange.error.scope", r.slug());
        }
        return r;
    }
}
