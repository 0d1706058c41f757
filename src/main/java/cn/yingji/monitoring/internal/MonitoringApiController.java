package cn.yingji.monitoring.internal;

import cn.yingji.identity.CurrentUser;
import cn.yingji.monitoring.MonitoringPoint;
import cn.yingji.monitoring.NewPoint;
import cn.yingji.monitoring.NewSensor;
import cn.yingji.monitoring.Sensor;
import cn.yingji.monitoring.WarningLevel;
import cn.yingji.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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

/** REST API of monitoring: points, sensors, readings, alarms and warnings (with CAP and GB/T 35965 exports). */
@RestController
@RequestMapping("/api/v1/monitoring")
class MonitoringApiController {

    private final MonitoringService monitoring;
    private final IngestService ingest;
    private final WarningService warnings;
    private final MonitoringRoles roles;
    private final MonitoringProperties props;
    private final CurrentUser currentUser;
    private final ZoneId zone;

    MonitoringApiController(
            MonitoringService monitoring,
            IngestService ingest,
            WarningService warnings,
            MonitoringRoles roles,
            MonitoringProperties props,
            CurrentUser currentUser,
            @Value("${yingji.zone:Asia/Shanghai}") String zone) {
        this.monitoring = monitoring;
        this.ingest = ingest;
        this.warnings = warnings;
        this.roles = roles;
        this.props = props;
        this.currentUser = currentUser;
        this.zone = ZoneId.of(zone);
    }

    /** Body of {@code PUT /sensors/{id}}. */
    record SensorUpdate(@Nullable Integer version, NewSensor sensor) {}

    /** Body of {@code PUT /points/{id}}: the version read and the changed point (its code cannot change). */
    record PointUpdate(@Nullable Integer version, @Nullable NewPoint point) {}

    /** Body of {@code POST /alarms/{id}/dismiss} and {@code POST /warnings/{id}/cancel}. */
    record Handling(@Nullable Integer version, @Nullable String note) {}

    /** Body of {@code POST /alarms/{id}/warning}: the alarm's version and the warning. */
    record AlarmWarning(@Nullable Integer alarmVersion, NewWarning warning) {}

    @GetMapping("/points")
    List<MonitoringPoint> points(@RequestParam(required = false) @Nullable String q) {
        return monitoring.points(q);
    }

    @PostMapping("/points")
    ResponseEntity<MonitoringPoint> createPoint(@RequestBody NewPoint body) {
        MonitoringPoint p = monitoring.createPoint(body);
        return ResponseEntity.created(URI.create("/api/v1/monitoring/points/" + p.id()))
                .body(p);
    }

    @GetMapping("/points/{id}")
    MonitoringPoint point(@PathVariable UUID id) {
        return monitoring.point(id);
    }

    @PutMapping("/points/{id}")
    MonitoringPoint updatePoint(@PathVariable UUID id, @RequestBody PointUpdate body) {
        return monitoring.updatePoint(id, body.version(), body.point());
    }

    /** Deletes a point without sensors ({@code ?version=} required); 409 while it still carries sensors. */
    @DeleteMapping("/points/{id}")
    ResponseEntity<Void> deletePoint(@PathVariable UUID id, @RequestParam(required = false) @Nullable Integer version) {
        monitoring.deletePoint(id, version);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/points/{id}/sensors")
    List<Sensor> sensorsOf(@PathVariable UUID id) {
        return monitoring.sensorsOf(id);
    }

    @PostMapping("/points/{id}/sensors")
    ResponseEntity<Sensor> addSensor(@PathVariable UUID id, @RequestBody NewSensor body) {
        Sensor s = monitoring.addSensor(id, body);
        return ResponseEntity.created(URI.create("/api/v1/monitoring/sensors/" + s.id()))
                .body(s);
    }

    @GetMapping("/sensors")
    List<Sensor> sensors() {
        return monitoring.sensors();
    }

    @GetMapping("/sensors/{id}")
    Sensor sensor(@PathVariable UUID id) {
        return monitoring.sensor(id);
    }

    @PutMapping("/sensors/{id}")
    Sensor updateSensor(@PathVariable UUID id, @RequestBody SensorUpdate body) {
        if (body.version() == null) {
            throw InvalidInputException.field("version", "monitoring.error.required");
        }
        return monitoring.updateSensor(id, body.version(), body.sensor());
    }

    @GetMapping("/sensors/{id}/history")
    List<Map<String, Object>> history(@PathVariable UUID id, @RequestParam(defaultValue = "24") int hours) {
        return monitoring.history(id, hours).stream()
                .map(r -> Map.<String, Object>of("at", r[0].toString(), "value", r[1]))
                .toList();
    }

    /**
     * A batch of readings, JSON ({@code {"readings":[{"sensor","at","value"}]}}) or CSV ({@code sensor,at,value}).
     * The whole batch is validated first; any problem rejects it (400, each row's path) and nothing is stored.
     */
    @PostMapping(
            value = "/readings",
            consumes = {MediaType.APPLICATION_JSON_VALUE, "text/csv", MediaType.TEXT_PLAIN_VALUE})
    Map<String, Object> readings(HttpServletRequest request) throws IOException {
        roles.requireIngest();
        long max = props.getMaxBatchBytes();
        if (request.getContentLengthLong() > max) {
            throw InvalidInputException.field("body", "monitoring.error.tooLarge", max);
        }
        String type =
                request.getContentType() == null ? "" : request.getContentType().toLowerCase(java.util.Locale.ROOT);
        boolean csv = type.startsWith("text/");
        IngestService.Batch batch;
        byte[] body;
        try (InputStream in = new Limited(request.getInputStream(), max)) {
            body = in.readAllBytes();
        } catch (TooLarge e) {
            throw InvalidInputException.field("body", "monitoring.error.tooLarge", max);
        }
        batch = csv
                ? ingest.parseCsv(new java.io.ByteArrayInputStream(body))
                : ingest.parseJson(new java.io.ByteArrayInputStream(body));
        if (currentUser.get().isPresent()) {
            var j = currentUser.jurisdiction();
            for (int i = 0; i < batch.size; i++) {
                if (!j.canCapture(batch.entries[i].rule.divisionPath())) {
                    throw new InvalidInputException(
                            "monitoring.error.batchRejected",
                            List.of(new cn.yingji.shared.DomainException.FieldError(
                                    (csv ? "row " : "readings[") + i + (csv ? "" : "]") + ".sensor",
                                    "monitoring.error.unknownSensor",
                                    batch.entries[i].rule.code())));
                }
            }
        }
        IngestService.Result r = ingest.ingest(batch, csv ? "http-csv" : "http-json");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("received", r.received());
        out.put("stored", r.stored());
        out.put("duplicates", r.duplicates());
        out.put("late", r.late());
        out.put("alarms", r.alarms());
        return out;
    }

    @GetMapping("/alarms")
    List<Alarm> alarms(
            @RequestParam(required = false) @Nullable String status, @RequestParam(defaultValue = "100") int limit) {
        return warnings.alarms(status, limit);
    }

    @GetMapping("/alarms/{id}")
    Alarm alarm(@PathVariable UUID id) {
        return warnings.alarm(id);
    }

    @PostMapping("/alarms/{id}/dismiss")
    Alarm dismiss(@PathVariable UUID id, @RequestBody Handling body) {
        if (body.version() == null) {
            throw InvalidInputException.field("version", "monitoring.error.required");
        }
        return warnings.dismiss(id, body.version(), body.note());
    }

    @PostMapping("/alarms/{id}/warning")
    ResponseEntity<Warning> warnFromAlarm(@PathVariable UUID id, @RequestBody AlarmWarning body) {
        if (body.alarmVersion() == null) {
            throw InvalidInputException.field("alarmVersion", "monitoring.error.required");
        }
        Warning w = warnings.issueFromAlarm(id, body.alarmVersion(), body.warning());
        return ResponseEntity.created(URI.create("/api/v1/monitoring/warnings/" + w.id()))
                .body(w);
    }

    @GetMapping("/warnings")
    List<Warning> warnings(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable WarningLevel level,
            @RequestParam(required = false) @Nullable Boolean external,
            @RequestParam(required = false) @Nullable String q) {
        return warnings.warnings(status, level, external, q);
    }

    @PostMapping("/warnings")
    ResponseEntity<Warning> issue(@RequestBody NewWarning body) {
        Warning w = warnings.issue(body, null);
        return ResponseEntity.created(URI.create("/api/v1/monitoring/warnings/" + w.id()))
                .body(w);
    }

    @GetMapping("/warnings/{id}")
    Warning warning(@PathVariable UUID id) {
        return warnings.warning(id);
    }

    @PutMapping("/warnings/{id}")
    Warning update(@PathVariable UUID id, @RequestBody NewWarning body) {
        return warnings.update(id, body);
    }

    @PostMapping("/warnings/{id}/cancel")
    Warning cancel(@PathVariable UUID id, @RequestBody Handling body) {
        if (body.version() == null) {
            throw InvalidInputException.field("version", "monitoring.error.required");
        }
        return warnings.cancel(id, body.version());
    }

    @GetMapping("/warnings/{id}/cap")
    ResponseEntity<String> cap(@PathVariable UUID id) {
        Warning w = warnings.warning(id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/cap+xml;charset=UTF-8"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + WarningService.messageIdentifier(w) + ".cap.xml\"")
                .body(CapCodec.write(warnings.toCap(w)));
    }

    @GetMapping("/warnings/{id}/gbt")
    ResponseEntity<String> gbt(@PathVariable UUID id) {
        Warning w = warnings.warning(id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/xml;charset=UTF-8"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + WarningFormats.gbFileName(w) + "\"")
                .body(WarningFormats.gbXml(w, props.getSenderCode(), zone));
    }

    /** Imports another department's CAP (1.0–1.2). */
    @PostMapping(
            value = "/warnings/import",
            consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE, "application/cap+xml"})
    ResponseEntity<Warning> importCap(HttpServletRequest request) throws IOException {
        roles.requireJudge();
        byte[] body;
        try (InputStream in = new Limited(request.getInputStream(), props.getCapMaxBytes())) {
            body = in.readAllBytes();
        } catch (TooLarge e) {
            throw InvalidInputException.field("/", "monitoring.error.capTooLarge", props.getCapMaxBytes());
        }
        Warning w = warnings.importCap(body);
        return ResponseEntity.created(URI.create("/api/v1/monitoring/warnings/" + w.id()))
                .body(w);
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    static Instant now() {
        return Instant.now();
    }

    /** Signals a body over the limit. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super("too large");
        }
    }

    /** An input stream failing once more than {@code max} bytes were read. */
    static final class Limited extends FilterInputStream {
        private final long max;
        private long count;

        Limited(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++count > max) {
                throw new TooLarge();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
                if (count > max) {
                    throw new TooLarge();
                }
            }
            return n;
        }
    }
}
