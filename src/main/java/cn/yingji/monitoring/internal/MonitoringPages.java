package cn.yingji.monitoring.internal;

import cn.yingji.geo.Division;
import cn.yingji.geo.DivisionCode;
import cn.yingji.geo.Divisions;
import cn.yingji.identity.CurrentUser;
import cn.yingji.monitoring.Direction;
import cn.yingji.monitoring.LinkKind;
import cn.yingji.monitoring.MonitoringPoint;
import cn.yingji.monitoring.NewPoint;
import cn.yingji.monitoring.NewSensor;
import cn.yingji.monitoring.Sensor;
import cn.yingji.monitoring.SensorKind;
import cn.yingji.monitoring.WarningLevel;
import cn.yingji.shared.ConflictException;
import cn.yingji.shared.DomainException;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.web.Problems;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Pages of monitoring: the duty officer's live board, points and sensors, alarm 研判 and warnings. */
@Controller
class MonitoringPages {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final MonitoringService monitoring;
    private final WarningService warnings;
    private final MonitoringRoles roles;
    private final AlarmHub hub;
    private final CurrentUser currentUser;
    private final Problems problems;
    private final ZoneId zone;
    private final String tileUrl;
    private final Divisions divisions;

    MonitoringPages(
            MonitoringService monitoring,
            WarningService warnings,
            MonitoringRoles roles,
            AlarmHub hub,
            CurrentUser currentUser,
            Problems problems,
            @Value("${yingji.zone:Asia/Shanghai}") String zone,
            @Value("${yingji.map.tile-url:}") String tileUrl,
            Divisions divisions) {
        this.monitoring = monitoring;
        this.warnings = warnings;
        this.roles = roles;
        this.hub = hub;
        this.currentUser = currentUser;
        this.problems = problems;
        this.zone = ZoneId.of(zone);
        this.tileUrl = tileUrl;
        this.divisions = divisions;
    }

    /** Formats instants for the pages. */
    public String time(@Nullable Instant t) {
        return t == null
                ? ""
                : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(t.atZone(zone));
    }

    private Map<String, String> errors(DomainException e) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("_", problems.text(e.messageKey(), e.args()));
        for (DomainException.FieldError fe : e.fieldErrors()) {
            out.putIfAbsent(fe.field(), problems.text(fe.messageKey(), fe.args()));
        }
        return out;
    }

    private void common(Model model) {
        model.addAttribute("fmt", this);
        model.addAttribute("levels", WarningLevel.values());
        model.addAttribute("canJudge", roles.canJudge());
        model.addAttribute("canSetup", roles.canSetup());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
    }

    @GetMapping("/monitoring")
    String board(Model model) {
        common(model);
        model.addAttribute("alarms", warnings.alarms("OPEN", 50));
        model.addAttribute("sensors", monitoring.sensors());
        model.addAttribute("tileUrl", tileUrl);
        return "monitoring/board";
    }

    @GetMapping(value = "/monitoring/alarms/stream", produces = "text/event-stream")
    @ResponseBody
    SseEmitter stream() {
        return hub.subscribe(currentUser.jurisdiction());
    }

    @GetMapping(value = "/monitoring/map-data", produces = "application/json")
    @ResponseBody
    Map<String, Object> mapData() {
        Map<UUID, MonitoringPoint> points = new LinkedHashMap<>();
        monitoring.points(null).forEach(p -> points.put(p.id(), p));
        List<Map<String, Object>> sensors = monitoring.sensors().stream()
                .filter(s -> points.containsKey(s.pointId()))
                .map(s -> {
                    MonitoringPoint p = points.get(s.pointId());
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", s.id().toString());
                    m.put("code", s.code());
                    m.put("name", p.name() + " · " + s.name());
                    m.put("state", s.state());
                    m.put("value", s.lastValue());
                    m.put("unit", s.unit());
                    m.put("lon", p.lon());
                    m.put("lat", p.lat());
                    return m;
                })
                .toList();
        Instant now = Instant.now();
        List<Map<String, Object>> ws = warnings.warnings("ACTIVE", null, null, null).stream()
                .filter(w -> w.current(now))
                .map(w -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", w.id().toString());
                    m.put("title", w.title());
                    m.put("level", w.level().name());
                    m.put("divisionCodes", w.divisionCodes());
                    m.put("areas", areas(w.divisionCodes()));
                    m.put("polygon", w.polygon());
                    return m;
                })
                .toList();
        return Map.of("sensors", sensors, "warnings", ws);
    }

    /**
     * Level and parent of each division a warning names, so the map fetches outlines of that level (county, township
     * or village; villages below their township only) from the geo API instead of assuming townships.
     */
    private List<Map<String, Object>> areas(List<String> codes) {
        List<Map<String, Object>> out = new java.util.ArrayList<>();
        for (String code : codes) {
            Division d;
            try {
                d = divisions.find(DivisionCode.of(code)).orElse(null);
            } catch (InvalidInputException e) {
                d = null;
            }
            if (d == null) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", d.code().value());
            m.put("level", d.level().name());
            m.put("parent", d.parent() == null ? null : d.parent().value());
            out.add(m);
        }
        return out;
    }

    // ---- points and sensors

    @GetMapping("/monitoring/points")
    String points(@RequestParam(required = false) @Nullable String q, Model model) {
        common(model);
        model.addAttribute("q", q);
        model.addAttribute("points", monitoring.points(q));
        model.addAttribute("linkKinds", LinkKind.values());
        return "monitoring/points";
    }

    @PostMapping("/monitoring/points")
    String createPoint(
            @RequestParam(required = false) @Nullable String code,
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable LinkKind linkKind,
            @RequestParam(required = false) @Nullable String linkName,
            @RequestParam(required = false) @Nullable Double lon,
            @RequestParam(required = false) @Nullable Double lat,
            Model model) {
        try {
            MonitoringPoint p = monitoring.createPoint(new NewPoint(code, name, linkKind, null, linkName, lon, lat));
            return "redirect:/monitoring/points/" + p.id();
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("errors", errors(e));
            return points(null, model);
        }
    }

    @GetMapping("/monitoring/points/{id}")
    String point(@PathVariable UUID id, Model model) {
        common(model);
        model.addAttribute("point", monitoring.point(id));
        model.addAttribute("sensors", monitoring.sensorsOf(id));
        model.addAttribute("linkKinds", LinkKind.values());
        model.addAttribute("kinds", SensorKind.values());
        model.addAttribute("directions", Direction.values());
        return "monitoring/point";
    }

    @PostMapping("/monitoring/points/{id}")
    String updatePoint(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable Integer version,
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable LinkKind linkKind,
            @RequestParam(required = false) @Nullable String linkName,
            @RequestParam(required = false) @Nullable Double lon,
            @RequestParam(required = false) @Nullable Double lat,
            Model model) {
        try {
            MonitoringPoint before = monitoring.point(id);
            monitoring.updatePoint(
                    id, version, new NewPoint(null, name, linkKind, before.linkId(), linkName, lon, lat));
            return "redirect:/monitoring/points/" + id;
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("errors", errors(e));
            return point(id, model);
        }
    }

    @PostMapping("/monitoring/points/{id}/delete")
    String deletePoint(@PathVariable UUID id, @RequestParam(required = false) @Nullable Integer version, Model model) {
        try {
            monitoring.deletePoint(id, version);
            return "redirect:/monitoring/points";
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("errors", errors(e));
            return point(id, model);
        }
    }

    @PostMapping("/monitoring/points/{id}/sensors")
    String addSensor(@PathVariable UUID id, SensorForm f, Model model) {
        try {
            Sensor s = monitoring.addSensor(id, f.toNew());
            return "redirect:/monitoring/sensors/" + s.id();
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("errors", errors(e));
            return point(id, model);
        }
    }

    /** Form fields of a sensor. */
    record SensorForm(
            @Nullable String code,
            @Nullable String name,
            @Nullable SensorKind kind,
            @Nullable String unit,
            @Nullable Integer intervalSeconds,
            @Nullable Direction direction,
            @Nullable Double blue,
            @Nullable Double yellow,
            @Nullable Double orange,
            @Nullable Double red,
            @Nullable Double hysteresis,
            @Nullable Double ratePerMinute,
            @Nullable Integer durationMinutes,
            @Nullable Integer version) {
        NewSensor toNew() {
            return new NewSensor(
                    code,
                    name,
                    kind,
                    unit,
                    intervalSeconds,
                    direction,
                    blue,
                    yellow,
                    orange,
                    red,
                    hysteresis,
                    ratePerMinute,
                    durationMinutes);
        }
    }

    @GetMapping("/monitoring/sensors/{id}")
    String sensor(@PathVariable UUID id, Model model) {
        common(model);
        Sensor s = monitoring.sensor(id);
        model.addAttribute("sensor", s);
        model.addAttribute("point", monitoring.point(s.pointId()));
        model.addAttribute("directions", Direction.values());
        return "monitoring/sensor";
    }

    @PostMapping("/monitoring/sensors/{id}")
    String updateSensor(@PathVariable UUID id, SensorForm f, Model model) {
        try {
            monitoring.updateSensor(id, f.version() == null ? -1 : f.version(), f.toNew());
            return "redirect:/monitoring/sensors/" + id;
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("errors", errors(e));
            return sensor(id, model);
        }
    }

    // ---- alarms

    @GetMapping("/monitoring/alarms/{id}")
    String alarm(@PathVariable UUID id, Model model) {
        common(model);
        Alarm a = warnings.alarm(id);
        model.addAttribute("alarm", a);
        if (!model.containsAttribute("form")) {
            MonitoringPoint p = monitoring.point(a.pointId());
            Sensor s = monitoring.sensor(a.sensorId());
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("level", a.level() == null ? "YELLOW" : a.level().name());
            form.put("eventType", eventTypeFor(s));
            form.put("title", p.name() + " " + s.name() + "预警");
            form.put("content", "");
            form.put("measures", "");
            form.put("divisionCodes", p.divisionCode() == null ? "" : p.divisionCode());
            form.put("polygon", "");
            form.put("expires", LOCAL.format(LocalDateTime.now(zone).plusHours(24)));
            model.addAttribute("form", form);
        }
        return "monitoring/alarm";
    }

    static String eventTypeFor(Sensor s) {
        return switch (s.kind()) {
            case FLAMMABLE_GAS, TOXIC_GAS -> "HAZMAT_LEAK";
            case WATER_LEVEL, RAINFALL -> "FLOOD";
            case DISPLACEMENT -> "GEOLOGICAL";
            case WIND -> "GALE";
            default -> "SAFETY";
        };
    }

    @PostMapping("/monitoring/alarms/{id}/dismiss")
    String dismiss(
            @PathVariable UUID id,
            @RequestParam int version,
            @RequestParam(required = false) @Nullable String note,
            Model model) {
        try {
            warnings.dismiss(id, version, note);
            return "redirect:/monitoring";
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("errors", errors(e));
            return alarm(id, model);
        }
    }

    @PostMapping("/monitoring/alarms/{id}/warning")
    String warnFromAlarm(
            @PathVariable UUID id, @RequestParam int version, @RequestParam Map<String, String> params, Model model) {
        try {
            Warning w = warnings.issueFromAlarm(id, version, form(params, null));
            return "redirect:/monitoring/warnings/" + w.id();
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("errors", errors(e));
            model.addAttribute("form", params);
            return alarm(id, model);
        }
    }

    private NewWarning form(Map<String, String> p, @Nullable Integer version) {
        WarningLevel level = null;
        try {
            level = p.get("level") == null || p.get("level").isBlank() ? null : WarningLevel.valueOf(p.get("level"));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.field("level", "monitoring.error.required");
        }
        List<String> codes = p.get("divisionCodes") == null
                ? List.of()
                : Arrays.stream(p.get("divisionCodes").split("[,，\\s]+"))
                        .filter(s -> !s.isBlank())
                        .toList();
        return new NewWarning(
                level,
                p.get("eventType"),
                p.get("title"),
                p.get("content"),
                p.get("measures"),
                p.get("areaDesc"),
                codes,
                p.get("polygon"),
                local(p.get("effective"), "effective"),
                local(p.get("expires"), "expires"),
                "on".equals(p.get("drill")) || "true".equals(p.get("drill")),
                version);
    }

    private @Nullable Instant local(@Nullable String s, String field) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(s.trim(), LOCAL).atZone(zone).toInstant();
        } catch (RuntimeException e) {
            throw InvalidInputException.field(field, "monitoring.error.badTime", s);
        }
    }

    // ---- warnings

    @GetMapping("/monitoring/warnings")
    String warningList(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable WarningLevel level,
            @RequestParam(required = false) @Nullable Boolean external,
            @RequestParam(required = false) @Nullable String q,
            Model model) {
        common(model);
        model.addAttribute("status", status);
        model.addAttribute("level", level);
        model.addAttribute("external", external);
        model.addAttribute("q", q);
        model.addAttribute("warnings", warnings.warnings(blank(status), level, external, q));
        return "monitoring/warnings";
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @PostMapping("/monitoring/warnings/import")
    String importCap(@RequestParam("file") MultipartFile file, Model model) throws java.io.IOException {
        try {
            Warning w = warnings.importCap(file.getBytes());
            return "redirect:/monitoring/warnings/" + w.id();
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("errors", errors(e));
            return warningList(null, null, null, null, model);
        }
    }

    @GetMapping("/monitoring/warnings/{id}")
    String warning(@PathVariable UUID id, Model model) {
        common(model);
        Warning w = warnings.warning(id);
        model.addAttribute("warning", w);
        if (!model.containsAttribute("form")) {
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("level", w.level().name());
            form.put("title", w.title());
            form.put("content", w.content());
            form.put("measures", w.measures());
            form.put("areaDesc", w.areaDesc());
            form.put("divisionCodes", String.join(",", w.divisionCodes()));
            form.put("polygon", w.polygon() == null ? "" : w.polygon());
            form.put(
                    "expires",
                    w.expires() == null ? "" : LOCAL.format(w.expires().atZone(zone)));
            model.addAttribute("form", form);
        }
        return "monitoring/warning";
    }

    @PostMapping("/monitoring/warnings/{id}")
    String update(
            @PathVariable UUID id, @RequestParam int version, @RequestParam Map<String, String> params, Model model) {
        try {
            warnings.update(id, form(params, version));
            return "redirect:/monitoring/warnings/" + id;
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("errors", errors(e));
            model.addAttribute("form", params);
            return warning(id, model);
        }
    }

    @PostMapping("/monitoring/warnings/{id}/cancel")
    String cancel(@PathVariable UUID id, @RequestParam int version, Model model) {
        try {
            warnings.cancel(id, version);
            return "redirect:/monitoring/warnings/" + id;
        } catch (ConflictException e) {
            model.addAttribute("errors", errors(e));
            return warning(id, model);
        }
    }
}
