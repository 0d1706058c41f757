package cn.yingji.monitoring.internal;

import cn.yingji.geo.Division;
import cn.yingji.geo.DivisionCode;
import cn.yingji.geo.Divisions;
import cn.yingji.geo.Location;
import cn.yingji.identity.AuditTrail;
import cn.yingji.identity.CurrentUser;
import cn.yingji.monitoring.WarningCancelled;
import cn.yingji.monitoring.WarningId;
import cn.yingji.monitoring.WarningIssued;
import cn.yingji.monitoring.WarningLevel;
import cn.yingji.monitoring.WarningUpdated;
import cn.yingji.monitoring.internal.CapAlert.Area;
import cn.yingji.monitoring.internal.CapAlert.Info;
import cn.yingji.monitoring.internal.CapAlert.Pair;
import cn.yingji.shared.ConflictException;
import cn.yingji.shared.DomainException.FieldError;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Alarms' 研判 and warnings: issue, update, cancel, import; with jurisdiction, roles, audit and events. */
@Service
class WarningService {

    static final Map<WarningLevel, String> SEVERITY = Map.of(
            WarningLevel.RED, "Extreme",
            WarningLevel.ORANGE, "Severe",
            WarningLevel.YELLOW, "Moderate",
            WarningLevel.BLUE, "Minor");
    static final Map<WarningLevel, String> COLOUR = Map.of(
            WarningLevel.RED, "Red",
            WarningLevel.ORANGE, "Orange",
            WarningLevel.YELLOW, "Yellow",
            WarningLevel.BLUE, "Blue");

    private final JdbcMonitoringStore store;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final MonitoringRoles roles;
    private final Divisions divisions;
    private final ApplicationEventPublisher events;
    private final MonitoringProperties props;
    private final ZoneId zone;
    Clock clock = Clock.systemUTC();

    WarningService(
            JdbcMonitoringStore store,
            CurrentUser currentUser,
            AuditTrail audit,
            MonitoringRoles roles,
            Divisions divisions,
            ApplicationEventPublisher events,
            MonitoringProperties props,
            @Value("${yingji.zone:Asia/Shanghai}") String zone) {
        this.store = store;
        this.currentUser = currentUser;
        this.audit = audit;
        this.roles = roles;
        this.divisions = divisions;
        this.events = events;
        this.props = props;
        this.zone = ZoneId.of(zone);
    }

    // ---- alarms

    @Transactional(readOnly = true)
    public List<Alarm> alarms(@Nullable String status, int limit) {
        return store.alarms(patterns(), status, Math.max(1, Math.min(limit, 500)));
    }

    @Transactional(readOnly = true)
    public Alarm alarm(UUID id) {
        Alarm a = store.alarm(id).orElseThrow(() -> new NotFoundException("alarm", id));
        requireView(a.divisionPath(), "alarm", id);
        return a;
    }

    @Transactional
    public Alarm dismiss(UUID id, int version, @Nullable String note) {
        roles.requireJudge();
        Alarm before = alarm(id);
        requireCapture(before.divisionPath(), "alarm", id);
        if (note == null || note.isBlank()) {
            throw InvalidInputException.field("note", "monitoring.error.required");
        }
        if (store.handleAlarm(id, version, "DISMISSED", who(), clock.instant(), note.trim(), null) == 0) {
            throw new ConflictException("monitoring.error.stale");
        }
        Alarm after = store.alarm(id).orElseThrow();
        audit.record("dismiss", "monitoring.alarm", id.toString(), before.divisionPath(), before, after);
        return after;
    }

    /** 研判 ends in a warning: issues it and marks the alarm. */
    @Transactional
    public Warning issueFromAlarm(UUID alarmId, int alarmVersion, NewWarning in) {
        roles.requireJudge();
        Alarm a = alarm(alarmId);
        requireCapture(a.divisionPath(), "alarm", alarmId);
        Warning w = issue(in, alarmId);
        if (store.handleAlarm(alarmId, alarmVersion, "WARNED", who(), clock.instant(), null, w.id()) == 0) {
            throw new ConflictException("monitoring.error.stale");
        }
        audit.record("warn", "monitoring.alarm", alarmId.toString(), a.divisionPath(), a, Map.of("warning", w.id()));
        return w;
    }

    // ---- warnings

    @Nullable
    List<String> scopes() {
        return currentUser.get().isPresent() ? currentUser.jurisdiction().view() : null;
    }

    @Nullable
    List<String> patterns() {
        return currentUser.get().isPresent() ? currentUser.jurisdiction().viewPatterns() : null;
    }

    @Transactional(readOnly = true)
    public List<Warning> warnings(
            @Nullable String status, @Nullable WarningLevel level, @Nullable Boolean external, @Nullable String q) {
        return store.warnings(scopes(), status, level, external, q, 500);
    }

    /** Current (active, not expired) warnings, unscoped: for the public feed. */
    @Transactional(readOnly = true)
    public List<Warning> currentPublic() {
        Instant now = clock.instant();
        return store.warnings(null, "ACTIVE", null, null, null, 500).stream()
                .filter(w -> w.current(now) && !w.drill())
                .toList();
    }

    @Transactional(readOnly = true)
    public Warning warning(UUID id) {
        Warning w = store.warning(id).orElseThrow(() -> new NotFoundException("warning", id));
        if (!visible(w)) {
            throw new NotFoundException("warning", id);
        }
        return w;
    }

    boolean visible(Warning w) {
        if (currentUser.get().isEmpty()) {
            return true;
        }
        for (String scope : currentUser.jurisdiction().view()) {
            for (String p : w.divisionPaths()) {
                if (p.startsWith(scope) || scope.startsWith(p)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void requireCaptureAll(List<String> paths, Object id) {
        for (String p : paths) {
            requireCapture(p, "warning", id);
        }
    }

    @Transactional
    public Warning issue(NewWarning in, @Nullable UUID alarmId) {
        roles.requireJudge();
        Area area = validate(in, true);
        UUID id = UUID.randomUUID();
        requireCaptureAll(area.paths, id);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant effective = in.effective() == null ? now : in.effective().truncatedTo(ChronoUnit.SECONDS);
        Warning w = new Warning(
                id,
                newIdentifier(now),
                props.getCapSender(),
                props.getCapSenderName(),
                false,
                Boolean.TRUE.equals(in.drill()),
                "ACTIVE",
                "Alert",
                in.level(),
                in.eventType().trim().toUpperCase(Locale.ROOT),
                category(in.eventType()),
                in.title().trim(),
                in.content().trim(),
                in.measures() == null ? "" : in.measures().trim(),
                area.desc,
                area.codes,
                area.paths,
                area.polygon,
                effective,
                in.expires() == null ? null : in.expires().truncatedTo(ChronoUnit.SECONDS),
                now,
                now,
                null,
                alarmId,
                "",
                now,
                0);
        store.insertWarning(w, null);
        audit.record("issue", "monitoring.warning", id.toString(), first(area.paths), null, w);
        events.publishEvent(issued(w));
        return w;
    }

    @Transactional
    public Warning update(UUID id, NewWarning in) {
        roles.requireJudge();
        Warning before = warning(id);
        if (before.external()) {
            throw new ConflictException("monitoring.error.externalReadOnly");
        }
        requireCaptureAll(before.divisionPaths(), id);
        if (!"ACTIVE".equals(before.status())) {
            throw new ConflictException("monitoring.error.notActive");
        }
        if (in.version() == null) {
            throw InvalidInputException.field("version", "monitoring.error.required");
        }
        Area area = validate(in, false);
        requireCaptureAll(area.paths, id);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Warning w = new Warning(
                id,
                before.identifier(),
                before.sender(),
                before.senderName(),
                false,
                before.drill(),
                "ACTIVE",
                "Update",
                in.level(),
                before.eventType(),
                before.category(),
                in.title().trim(),
                in.content().trim(),
                in.measures() == null ? "" : in.measures().trim(),
                area.desc,
                area.codes,
                area.paths,
                area.polygon,
                in.effective() == null ? before.effective() : in.effective().truncatedTo(ChronoUnit.SECONDS),
                in.expires() == null ? null : in.expires().truncatedTo(ChronoUnit.SECONDS),
                before.issuedAt(),
                now,
                null,
                before.alarmId(),
                appendReference(before),
                now,
                before.version() + 1);
        if (store.updateWarning(w, in.version()) == 0) {
            throw new ConflictException("monitoring.error.stale");
        }
        audit.record("update", "monitoring.warning", id.toString(), first(area.paths), before, w);
        events.publishEvent(new WarningUpdated(
                new WarningId(id),
                before.level(),
                w.level(),
                w.divisionCodes(),
                w.divisionPaths(),
                w.drill(),
                w.expires(),
                now));
        return w;
    }

    @Transactional
    public Warning cancel(UUID id, int version) {
        roles.requireJudge();
        Warning before = warning(id);
        if (before.external()) {
            throw new ConflictException("monitoring.error.externalReadOnly");
        }
        requireCaptureAll(before.divisionPaths(), id);
        if (!"ACTIVE".equals(before.status())) {
            throw new ConflictException("monitoring.error.notActive");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Warning w = withStatus(before, "CANCELLED", "Cancel", now, appendReference(before), before.version() + 1);
        if (store.updateWarning(w, version) == 0) {
            throw new ConflictException("monitoring.error.stale");
        }
        audit.record("cancel", "monitoring.warning", id.toString(), first(w.divisionPaths()), before, w);
        events.publishEvent(new WarningCancelled(new WarningId(id), w.drill(), now));
        return w;
    }

    private static Warning withStatus(Warning b, String status, String msgType, Instant now, String refs, int version) {
        return new Warning(
                b.id(),
                b.identifier(),
                b.sender(),
                b.senderName(),
                b.external(),
                b.drill(),
                status,
                msgType,
                b.level(),
                b.eventType(),
                b.category(),
                b.title(),
                b.content(),
                b.measures(),
                b.areaDesc(),
                b.divisionCodes(),
                b.divisionPaths(),
                b.polygon(),
                b.effective(),
                b.expires(),
                b.issuedAt(),
                now,
                "CANCELLED".equals(status) ? now : b.cancelledAt(),
                b.alarmId(),
                refs,
                now,
                version);
    }

    /** The CAP identifier of the message describing the warning's current state. */
    static String messageIdentifier(Warning w) {
        return w.external() || w.version() == 0 ? w.identifier() : w.identifier() + "." + w.version();
    }

    private String appendReference(Warning before) {
        String ref = before.sender() + "," + messageIdentifier(before) + ","
                + CapCodec.formatTime(before.capSent().atZone(zone).toOffsetDateTime());
        return before.references().isBlank() ? ref : before.references() + " " + ref;
    }

    private String newIdentifier(Instant now) {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").format(now.atZone(zone));
        for (int n = 0; n < 10; n++) {
            String id = props.getSenderCode() + "_" + stamp + "_" + n;
            if (!store.identifierTaken(id)) {
                return id;
            }
        }
        return props.getSenderCode() + "_" + stamp + "_"
                + ThreadLocalRandom.current().nextInt(10, 100_000);
    }

    static String category(@Nullable String eventType) {
        String t = eventType == null ? "" : eventType.toUpperCase(Locale.ROOT);
        return switch (t) {
            case "RAINSTORM",
                    "TYPHOON",
                    "GALE",
                    "HEAT",
                    "COLD_WAVE",
                    "FOG",
                    "LIGHTNING",
                    "HAIL",
                    "SNOWSTORM",
                    "DROUGHT" -> "Met";
            case "GEOLOGICAL", "LANDSLIDE", "EARTHQUAKE" -> "Geo";
            case "FLOOD" -> "Met";
            case "FIRE", "FOREST_FIRE" -> "Fire";
            case "HAZMAT_LEAK", "GAS_LEAK" -> "CBRNE";
            default -> "Safety";
        };
    }

    private record Area(
            String desc,
            List<String> codes,
            List<String> paths,
            @Nullable String polygon) {}

    private Area validate(NewWarning in, boolean create) {
        List<FieldError> errors = new ArrayList<>();
        if (in.level() == null) {
            errors.add(new FieldError("level", "monitoring.error.required"));
        }
        if (create && (in.eventType() == null || !in.eventType().trim().matches("[A-Za-z0-9_]{2,32}"))) {
            errors.add(new FieldError("eventType", "monitoring.error.eventType"));
        }
        if (in.title() == null || in.title().isBlank()) {
            errors.add(new FieldError("title", "monitoring.error.required"));
        }
        if (in.content() == null || in.content().isBlank()) {
            errors.add(new FieldError("content", "monitoring.error.required"));
        }
        if (in.expires() != null) {
            Instant eff = in.effective() == null ? clock.instant() : in.effective();
            if (!in.expires().isAfter(eff)) {
                errors.add(new FieldError("expires", "monitoring.error.expiresBefore"));
            }
        }
        List<String> codes = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        List<String> names = new ArrayList<>();
        String polygon = in.polygon() == null || in.polygon().isBlank()
                ? null
                : in.polygon().trim();
        List<String> requested = in.divisionCodes() == null
                ? List.of()
                : in.divisionCodes().stream()
                        .filter(c -> c != null && !c.isBlank())
                        .map(String::trim)
                        .distinct()
                        .toList();
        for (int i = 0; i < requested.size(); i++) {
            String c = requested.get(i);
            Division d =
                    c.matches("\\d{12}") ? divisions.find(DivisionCode.of(c)).orElse(null) : null;
            if (d == null) {
                errors.add(new FieldError("divisionCodes[" + i + "]", "monitoring.error.unknownDivision", c));
            } else {
                codes.add(d.code().value());
                paths.add(d.path());
                names.add(d.name());
            }
        }
        if (polygon != null) {
            if (!CapCodec.polygonOk(polygon)) {
                errors.add(new FieldError("polygon", "monitoring.error.capPolygon"));
            } else if (codes.isEmpty()) {
                double[] c = centroid(polygon);
                Location loc = divisions.locate(c[1], c[0]).orElse(null);
                if (loc == null || loc.chain().isEmpty()) {
                    errors.add(new FieldError("polygon", "monitoring.error.outside"));
                } else {
                    Division d = loc.chain().get(loc.chain().size() - 1);
                    codes.add(d.code().value());
                    paths.add(d.path());
                    names.add(d.name());
                }
            }
        }
        if (requested.isEmpty() && polygon == null) {
            errors.add(new FieldError("divisionCodes", "monitoring.error.areaRequired"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("error.validation", errors);
        }
        String desc = in.areaDesc() == null || in.areaDesc().isBlank()
                ? String.join("、", names)
                : in.areaDesc().trim();
        return new Area(desc, codes, paths, polygon);
    }

    static double[] centroid(String polygon) {
        String[] pairs = polygon.trim().split("\\s+");
        double lat = 0;
        double lon = 0;
        for (int i = 0; i < pairs.length - 1; i++) {
            String[] ll = pairs[i].split(",");
            lat += Double.parseDouble(ll[0]);
            lon += Double.parseDouble(ll[1]);
        }
        return new double[] {lat / (pairs.length - 1), lon / (pairs.length - 1)};
    }

    private static @Nullable String first(List<String> paths) {
        return paths.isEmpty() ? null : paths.get(0);
    }

    private String who() {
        return currentUser.get().map(a -> a.username()).orElse("system");
    }

    private static WarningIssued issued(Warning w) {
        return new WarningIssued(
                new WarningId(w.id()),
                w.level(),
                w.eventType(),
                w.title(),
                w.divisionCodes(),
                w.divisionPaths(),
                w.sender(),
                w.external(),
                w.drill(),
                w.effective(),
                w.expires(),
                w.issuedAt());
    }

    // ---- CAP

    CapAlert toCap(Warning w) {
        OffsetDateTime sent = w.capSent().atZone(zone).toOffsetDateTime();
        List<Pair> geocodes =
                w.divisionCodes().stream().map(c -> new Pair("CN-AreaCode", c)).toList();
        Area0 area = new Area0(w.areaDesc(), w.polygon() == null ? List.of() : List.of(w.polygon()), geocodes);
        String response = switch (w.level()) {
            case RED, ORANGE -> "Prepare";
            default -> "Monitor";
        };
        Info info = new Info(
                "zh-CN",
                List.of(w.category()),
                w.eventType(),
                List.of("CANCELLED".equals(w.status()) ? "AllClear" : response),
                w.level() == WarningLevel.RED ? "Immediate" : "Expected",
                SEVERITY.get(w.level()),
                "Likely",
                null,
                List.of(new Pair("CN-EventType", w.eventType())),
                w.effective().atZone(zone).toOffsetDateTime(),
                null,
                w.expires() == null ? null : w.expires().atZone(zone).toOffsetDateTime(),
                w.senderName(),
                w.title(),
                w.content(),
                w.measures().isBlank() ? null : w.measures(),
                null,
                null,
                List.of(new Pair("CN-Colour", COLOUR.get(w.level()))),
                List.of(),
                List.of(new CapAlert.Area(area.desc, area.polygons, List.of(), area.geocodes, null, null)));
        return new CapAlert(
                "1.2",
                messageIdentifier(w),
                w.sender(),
                sent,
                w.drill() ? "Exercise" : "Actual",
                w.msgType(),
                null,
                "Public",
                null,
                null,
                List.of(),
                null,
                w.references().isBlank() ? null : w.references(),
                null,
                List.of(info));
    }

    private record Area0(String desc, List<String> polygons, List<Pair> geocodes) {}

    String capXml(UUID id) {
        return CapCodec.write(toCap(warning(id)));
    }

    /** Imports a CAP document (1.0–1.2) of another department; Update/Cancel apply to the referenced warning. */
    @Transactional
    public Warning importCap(byte[] xml) {
        roles.requireJudge();
        CapAlert a = CapCodec.parse(xml, props.getCapMaxBytes());
        if (store.warningByIdentifier(a.sender(), a.identifier()).isPresent()) {
            throw new ConflictException("monitoring.error.capDuplicate");
        }
        if (a.infos().isEmpty() && !"Cancel".equals(a.msgType())) {
            throw InvalidInputException.field("/alert/info", "monitoring.error.capMissing");
        }
        Warning referenced = null;
        if (a.references() != null) {
            for (String ref : a.references().trim().split("\\s+")) {
                String[] p = ref.split(",");
                if (p.length == 3) {
                    Warning r = store.warningByIdentifier(p[0], p[1]).orElse(null);
                    if (r != null) {
                        referenced = r;
                    }
                }
            }
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        if (referenced != null
                && referenced.external()
                && ("Update".equals(a.msgType()) || "Cancel".equals(a.msgType()))) {
            Warning before = referenced;
            Warning after;
            if ("Cancel".equals(a.msgType())) {
                after = withStatus(before, "CANCELLED", "Cancel", now, a.references(), before.version() + 1);
            } else {
                Warning parsed = fromCap(a, before.id(), now);
                after = new Warning(
                        before.id(),
                        before.identifier(),
                        before.sender(),
                        parsed.senderName(),
                        true,
                        parsed.drill(),
                        "ACTIVE",
                        "Update",
                        parsed.level(),
                        parsed.eventType(),
                        parsed.category(),
                        parsed.title(),
                        parsed.content(),
                        parsed.measures(),
                        parsed.areaDesc(),
                        parsed.divisionCodes(),
                        parsed.divisionPaths(),
                        parsed.polygon(),
                        parsed.effective(),
                        parsed.expires(),
                        before.issuedAt(),
                        now,
                        null,
                        null,
                        a.references(),
                        parsed.capSent(),
                        before.version() + 1);
            }
            store.updateWarning(after, before.version());
            audit.record(
                    "import",
                    "monitoring.warning",
                    before.id().toString(),
                    first(after.divisionPaths()),
                    before,
                    Map.of("identifier", a.identifier(), "msgType", a.msgType()));
            if ("Cancel".equals(a.msgType())) {
                events.publishEvent(new WarningCancelled(new WarningId(before.id()), after.drill(), now));
            } else {
                events.publishEvent(new WarningUpdated(
                        new WarningId(before.id()),
                        before.level(),
                        after.level(),
                        after.divisionCodes(),
                        after.divisionPaths(),
                        after.drill(),
                        after.expires(),
                        now));
            }
            return after;
        }
        Warning w = fromCap(a, UUID.randomUUID(), now);
        store.insertWarning(w, new String(xml, java.nio.charset.StandardCharsets.UTF_8));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("identifier", w.identifier());
        after.put("sender", w.sender());
        after.put("msgType", w.msgType());
        after.put("level", w.level());
        audit.record("import", "monitoring.warning", w.id().toString(), first(w.divisionPaths()), null, after);
        if ("ACTIVE".equals(w.status())) {
            events.publishEvent(issued(w));
        }
        return w;
    }

    private Warning fromCap(CapAlert a, UUID id, Instant now) {
        Info info = a.infos().isEmpty() ? null : a.infos().get(0);
        for (Info i : a.infos()) {
            if (i.language() != null && i.language().toLowerCase(Locale.ROOT).startsWith("zh")) {
                info = i;
                break;
            }
        }
        WarningLevel level = WarningLevel.BLUE;
        String eventType = "OTHER";
        String title = a.identifier();
        String content = "";
        String measures = "";
        String senderName = a.sender();
        String category = "Other";
        List<String> codes = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        List<String> descs = new ArrayList<>();
        String polygon = null;
        Instant effective = a.sent().toInstant();
        Instant expires = null;
        if (info != null) {
            level = levelOf(info);
            eventType = info.eventCodes().isEmpty()
                    ? info.event()
                    : info.eventCodes().get(0).value();
            for (Pair p : info.eventCodes()) {
                if ("CN-EventType".equals(p.name())) {
                    eventType = p.value();
                }
            }
            title = info.headline() != null
                    ? info.headline().strip()
                    : info.event().strip();
            content = info.description() == null ? "" : info.description().strip();
            measures = info.instruction() == null ? "" : info.instruction().strip();
            senderName =
                    info.senderName() == null ? a.sender() : info.senderName().strip();
            category = info.categories().get(0);
            effective = info.effective() != null
                    ? info.effective().toInstant()
                    : a.sent().toInstant();
            expires = info.expires() == null ? null : info.expires().toInstant();
            for (CapAlert.Area ar : info.areas()) {
                descs.add(ar.areaDesc().strip());
                if (polygon == null && !ar.polygons().isEmpty()) {
                    polygon = ar.polygons().get(0).trim();
                }
                for (Pair g : ar.geocodes()) {
                    String v = g.value().trim();
                    if (v.matches("\\d{6}")) {
                        v = v + "000000";
                    }
                    if (v.matches("\\d{12}")) {
                        divisions.find(DivisionCode.of(v)).ifPresent(d -> {
                            codes.add(d.code().value());
                            paths.add(d.path());
                        });
                    }
                }
            }
            if (paths.isEmpty() && polygon != null) {
                double[] c = centroid(polygon);
                divisions.locate(c[1], c[0]).ifPresent(loc -> {
                    if (!loc.chain().isEmpty()) {
                        Division d = loc.chain().get(loc.chain().size() - 1);
                        codes.add(d.code().value());
                        paths.add(d.path());
                    }
                });
            }
        }
        if (paths.isEmpty()) {
            // nothing resolvable in our tree: treat as concerning the whole city
            divisions.root().ifPresent(r -> {
                codes.add(r.code().value());
                paths.add(r.path());
            });
        }
        String desc = descs.isEmpty() ? "" : String.join("; ", descs);
        return new Warning(
                id,
                a.identifier(),
                a.sender(),
                senderName,
                true,
                !"Actual".equals(a.status()),
                "Cancel".equals(a.msgType()) ? "CANCELLED" : "ACTIVE",
                "Ack".equals(a.msgType()) || "Error".equals(a.msgType()) ? "Alert" : a.msgType(),
                level,
                eventType.length() > 64 ? eventType.substring(0, 64) : eventType,
                category,
                title,
                content,
                measures,
                desc,
                codes,
                paths,
                polygon,
                effective,
                expires,
                now,
                now,
                "Cancel".equals(a.msgType()) ? now : null,
                null,
                a.references() == null ? "" : a.references().trim(),
                a.sent().toInstant(),
                0);
    }

    static WarningLevel levelOf(Info info) {
        for (Pair p : info.parameters()) {
            String n = p.name().toUpperCase(Locale.ROOT);
            if (n.equals("CN-COLOUR") || n.equals("CN-COLOR") || n.equals("COLOR") || n.equals("COLOUR")) {
                for (Map.Entry<WarningLevel, String> e : COLOUR.entrySet()) {
                    if (e.getValue().equalsIgnoreCase(p.value().trim())) {
                        return e.getKey();
                    }
                }
            }
        }
        return switch (info.severity()) {
            case "Extreme" -> WarningLevel.RED;
            case "Severe" -> WarningLevel.ORANGE;
            case "Moderate" -> WarningLevel.YELLOW;
            default -> WarningLevel.BLUE;
        };
    }

    private void requireCapture(String path, String what, Object id) {
        if (currentUser.get().isPresent()) {
            currentUser.requireCapture(path, what, id);
        }
    }

    private void requireView(String path, String what, Object id) {
        if (currentUser.get().isPresent()) {
            currentUser.requireView(path, what, id);
        }
    }
}
