package cn.yingji.exchange.internal;

import cn.yingji.exchange.SharedResource;
import cn.yingji.hazard.HazardFilter;
import cn.yingji.hazard.Hazards;
import cn.yingji.incident.IncidentFilter;
import cn.yingji.incident.Incidents;
import cn.yingji.resource.RescueTeams;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.PageQuery;
import cn.yingji.shared.PageResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * GeoJSON (RFC 7946) export for signed-in users of the current events, hazards and rescue teams, read through the
 * owning modules' APIs, which answer only what the caller's jurisdiction covers. At most 10,000 features.
 */
@RestController
class GeoJsonExport {

    static final int LIMIT = 10_000;

    private final Incidents incidents;
    private final Hazards hazards;
    private final RescueTeams teams;
    private final JsonMapper json;

    GeoJsonExport(Incidents incidents, Hazards hazards, RescueTeams teams, JsonMapper json) {
        this.incidents = incidents;
        this.hazards = hazards;
        this.teams = teams;
        this.json = json;
    }

    @GetMapping(value = "/api/v1/exchange/geojson", produces = "application/geo+json")
    ResponseEntity<String> export(@RequestParam(defaultValue = "events") String resource) {
        SharedResource r = SharedResource.ofSlug(resource)
                .orElseThrow(() -> InvalidInputException.field("resource", "exchange.error.scope", resource));
        List<GeoJsonWriter.Feature> features = switch (r) {
            case EVENTS ->
                collect(
                        p -> incidents.list(IncidentFilter.all(), p),
                        i -> new GeoJsonWriter.Feature(i.id().toString(), i.lon(), i.lat(), Representations.event(i)));
            case HAZARDS ->
                collect(
                        p -> hazards.list(HazardFilter.all(), p),
                        h -> new GeoJsonWriter.Feature(h.id().toString(), h.lon(), h.lat(), Representations.hazard(h)));
            case TEAMS ->
                collect(
                        p -> teams.list(null, null, null, p),
                        t -> new GeoJsonWriter.Feature(t.id().toString(), t.lon(), t.lat(), Representations.team(t)));
            case WARNINGS -> throw InvalidInputException.field("resource", "exchange.error.noPlace");
        };
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/geo+json"))
                .body(GeoJsonWriter.write(json, features));
    }

    private static <T> List<GeoJsonWriter.Feature> collect(
            Function<PageQuery, PageResult<T>> page, Function<T, GeoJsonWriter.Feature> feature) {
        List<GeoJsonWriter.Feature> out = new ArrayList<>();
        for (int i = 0; out.size() < LIMIT; i++) {
            PageResult<T> result = page.apply(new PageQuery(i, PageQuery.MAX_SIZE));
            result.items().forEach(x -> out.add(feature.apply(x)));
            if (result.items().size() < PageQuery.MAX_SIZE) {
                break;
            }
        }
        return out.size() > LIMIT ? out.subList(0, LIMIT) : out;
    }
}
