package cn.yingji.exchange.internal;

import cn.yingji.directory.OrganisationId;
import cn.yingji.hazard.HazardFilter;
import cn.yingji.hazard.Hazards;
import cn.yingji.incident.IncidentFilter;
import cn.yingji.incident.Incidents;
import cn.yingji.resource.RegistryKind;
import cn.yingji.resource.RescueTeams;
import cn.yingji.resource.ResourceRegistries;
import cn.yingji.risk.Enterprise;
import cn.yingji.risk.EnterpriseFilter;
import cn.yingji.risk.Enterprises;
import cn.yingji.risk.MajorHazards;
import cn.yingji.risk.RiskPointFilter;
import cn.yingji.risk.RiskPoints;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.PageQuery;
import cn.yingji.shared.PageResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * GeoJSON (RFC 7946) export for signed-in users of everything with a place (events, hazards, rescue teams,
 * enterprises, risk points, major hazard sources, shelters, warehouses), read through the owning modules' APIs, which answer only what the caller's jurisdiction covers. At most 10,000 features.
 */
@RestController
class GeoJsonExport {

    static final int LIMIT = 10_000;

    private final Incidents incidents;
    private final Hazards hazards;
    private final RescueTeams teams;
    private final Enterprises enterprises;
    private final RiskPoints riskPoints;
    private final MajorHazards majorHazardSources;
    private final ResourceRegistries registries;
    private final JsonMapper json;

    GeoJsonExport(
            Incidents incidents,
            Hazards hazards,
            RescueTeams teams,
            Enterprises enterprises,
            RiskPoints riskPoints,
            MajorHazards majorHazardSources,
            ResourceRegistries registries,
            JsonMapper json) {
        this.incidents = incidents;
        this.hazards = hazards;
        this.teams = teams;
        this.enterprises = enterprises;
        this.riskPoints = riskPoints;
        this.majorHazardSources = majorHazardSources;
        this.registries = registries;
        this.json = json;
    }

    /** The layers a signed-in user can export, by {@code resource} parameter. */
    static final List<String> LAYERS = List.of(
            "events", "hazards", "teams", "enterprises", "risk-points", "major-hazards", "shelters", "warehouses");

    @GetMapping(value = "/api/v1/exchange/geojson", produces = "application/geo+json")
    ResponseEntity<String> export(@RequestParam(defaultValue = "events") String resource) {
        List<GeoJsonWriter.Feature> features = switch (resource) {
            case "events" ->
                collect(
                        p -> incidents.list(IncidentFilter.all(), p),
                        i -> new GeoJsonWriter.Feature(i.id().toString(), i.lon(), i.lat(), Representations.event(i)));
            case "hazards" ->
                collect(
                        p -> hazards.list(HazardFilter.all(), p),
                        h -> new GeoJsonWriter.Feature(h.id().toString(), h.lon(), h.lat(), Representations.hazard(h)));
            case "teams" ->
                collect(
                        p -> teams.list(null, null, null, p),
                        t -> new GeoJsonWriter.Feature(t.id().toString(), t.lon(), t.lat(), Representations.team(t)));
            case "enterprises" ->
                collect(
                        p -> enterprises.list(EnterpriseFilter.none(), p),
                        e -> new GeoJsonWriter.Feature(
                                e.id().value().toString(), e.lon(), e.lat(), Representations.enterprise(e)));
            case "risk-points" ->
                collect(
                        p -> riskPoints.list(RiskPointFilter.all(), p),
                        r -> new GeoJsonWriter.Feature(
                                r.id().value().toString(), r.lon(), r.lat(), Representations.riskPoint(r)));
            case "major-hazards" -> majorHazards();
            case "shelters" -> registry(RegistryKind.SHELTERS);
            case "warehouses" -> registry(RegistryKind.WAREHOUSES);
            case "warnings" -> throw InvalidInputException.field("resource", "exchange.error.noPlace");
            default -> throw InvalidInputException.field("resource", "exchange.error.geoLayer", resource);
        };
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/geo+json"))
                .body(GeoJsonWriter.write(json, features));
    }

    /**
     * Major hazard sources have no coordinates of their own: they are placed at their enterprise's main site (read
     * through the enterprise registry, so within the caller's jurisdiction too); sources of an enterprise without a
     * site are left out.
     */
    private List<GeoJsonWriter.Feature> majorHazards() {
        Map<UUID, Optional<Enterprise>> sites = new HashMap<>();
        return collect(p -> majorHazardSources.list(null, null, null, null, null, p), m -> {
            Optional<Enterprise> site =
                    sites.computeIfAbsent(m.organisationId(), id -> enterprises.find(new OrganisationId(id)));
            return new GeoJsonWriter.Feature(
                    m.id().value().toString(),
                    site.map(Enterprise::lon).orElse(null),
                    site.map(Enterprise::lat).orElse(null),
                    Representations.majorHazard(m));
        });
    }

    private List<GeoJsonWriter.Feature> registry(RegistryKind kind) {
        return registries.placed(kind, LIMIT).stream()
                .map(r ->
                        new GeoJsonWriter.Feature(r.id().toString(), r.lon(), r.lat(), Representations.registryRow(r)))
                .toList();
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
