package cn.yingji.exchange.internal;

import cn.yingji.hazard.Hazard;
import cn.yingji.incident.Incident;
import cn.yingji.resource.RegistryRow;
import cn.yingji.resource.Team;
import cn.yingji.risk.Enterprise;
import cn.yingji.risk.MajorHazardSource;
import cn.yingji.risk.RiskPoint;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The public representations shared with other departments. Personal data (reporter names and phones, team
 * phones, user names) is left out on purpose.
 */
final class Representations {

    private Representations() {}

    static Map<String, Object> event(Incident i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id().value().toString());
        m.put("number", i.number());
        m.put("category", i.category().name());
        m.put("typeCode", i.typeCode());
        m.put("title", i.title());
        m.put("occurredAt", i.occurredAt().toString());
        m.put("reportedAt", i.reportedAt().toString());
        m.put("lon", i.lon());
        m.put("lat", i.lat());
        m.put("divisionCode", i.divisionCode());
        m.put("divisionPath", i.divisionPath());
        put(m, "address", i.address());
        put(m, "enterpriseName", i.enterpriseName());
        var c = i.casualties();
        Map<String, Object> cas = new LinkedHashMap<>();
        cas.put("deaths", c.deaths());
        cas.put("missing", c.missing());
        cas.put("seriouslyInjured", c.seriouslyInjured());
        cas.put("trapped", c.trapped());
        cas.put("minorInjuries", c.minorInjuries());
        cas.put("directLoss", c.directLoss().toPlainString());
        m.put("casualties", cas);
        put(m, "grade", i.grade() == null ? null : i.grade().name());
        m.put("state", i.state().name());
        m.put("drill", i.drill());
        m.put("version", i.version());
        return m;
    }

    static Map<String, Object> hazard(Hazard h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", h.id().value().toString());
        m.put("number", h.number());
        m.put("title", h.title());
        m.put("grade", h.grade().name());
        m.put("industry", h.industry());
        m.put("source", h.source().name());
        m.put("state", h.state().name());
        m.put("divisionPath", h.divisionPath());
        m.put("divisionCode", codeOf(h.divisionPath()));
        put(m, "lon", h.lon());
        put(m, "lat", h.lat());
        put(m, "address", h.address());
        put(m, "enterpriseName", h.enterpriseName());
        m.put("reportedAt", h.reportedAt().toString());
        put(m, "deadline", h.deadline() == null ? null : h.deadline().toString());
        m.put("card", h.card().name());
        m.put("supervised", h.supervised());
        m.put("version", h.version());
        return m;
    }

    /**
     * A warning as one recipient may see it: a warning can cover several districts, and a recipient learns only the
     * division codes and paths inside its own jurisdiction ({@code visible}), not where else it applies.
     */
    static Map<String, Object> warningFor(Map<String, Object> m, Predicate<String> visible) {
        if (!(m.get("divisionPaths") instanceof List<?> paths)) {
            return m;
        }
        List<String> kept = paths.stream().map(String::valueOf).filter(visible).toList();
        Map<String, Object> out = new LinkedHashMap<>(m);
        out.put("divisionPaths", kept);
        if (m.get("divisionCodes") instanceof List<?> codes) {
            out.put(
                    "divisionCodes",
                    codes.stream()
                            .map(String::valueOf)
                            .filter(c -> kept.stream().anyMatch(p -> p.endsWith("/" + c + "/")))
                            .toList());
        }
        return out;
    }

    static Map<String, Object> enterprise(Enterprise e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id().value().toString());
        m.put("creditCode", e.creditCode());
        m.put("name", e.name());
        m.put("industry", e.industry());
        m.put("size", e.size().name());
        m.put("status", e.status().name());
        put(m, "address", e.address());
        m.put("divisionCode", codeOf(e.divisionPath()));
        m.put("divisionPath", e.divisionPath());
        return m;
    }

    static Map<String, Object> riskPoint(RiskPoint r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id().value().toString());
        m.put("name", r.name());
        put(m, "category", r.category());
        put(m, "organisationName", r.organisationName());
        put(m, "location", r.location());
        put(m, "colour", r.colour() == null ? null : r.colour().name());
        put(m, "method", r.method() == null ? null : r.method().name());
        put(m, "score", r.score() == null ? null : r.score().toPlainString());
        put(m, "gridCode", r.gridCode());
        m.put("divisionPath", r.divisionPath());
        return m;
    }

    static Map<String, Object> majorHazard(MajorHazardSource h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", h.id().value().toString());
        m.put("name", h.name());
        m.put("unitKind", h.unitKind().name());
        m.put("organisationName", h.organisationName());
        m.put("major", h.major());
        put(m, "grade", h.grade() == null ? null : h.grade().name());
        m.put("located", "enterprise");
        m.put("divisionPath", h.divisionPath());
        return m;
    }

    /** A shelter or warehouse; a warehouse's manager and phone are personal data and stay out. */
    static Map<String, Object> registryRow(RegistryRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id().toString());
        m.put("name", r.title());
        r.fields().forEach((k, v) -> {
            if (!k.equals("manager") && !k.equals("phone") && !k.equals("lon") && !k.equals("lat")) {
                m.put(k, v);
            }
        });
        m.put("divisionPath", r.divisionPath());
        return m;
    }

    static Map<String, Object> team(Team t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id().value().toString());
        m.put("name", t.name());
        m.put("kind", t.kind().name());
        put(m, "organisation", t.organisation());
        m.put("headcount", t.headcount());
        m.put("primaryCapability", t.primaryCapability());
        m.put("capabilities", t.capabilities());
        m.put("readiness", t.readiness());
        m.put("lon", t.lon());
        m.put("lat", t.lat());
        m.put("divisionPath", t.divisionPath());
        m.put("divisionCode", codeOf(t.divisionPath()));
        m.put("status", t.status().name());
        m.put("statusAt", t.statusAt().toString());
        put(
                m,
                "currentIncident",
                t.currentIncident() == null ? null : t.currentIncident().toString());
        m.put("version", t.version());
        return m;
    }

    static String codeOf(String path) {
        String[] parts = path.split("/");
        return parts.length == 0 ? "" : parts[parts.length - 1];
    }

    static void put(Map<String, Object> m, String key, @Nullable Object value) {
        if (value instanceof Instant i) {
            m.put(key, i.toString());
        } else if (value instanceof LocalDate d) {
            m.put(key, d.toString());
        } else {
            m.put(key, value);
        }
    }
}
