package cn.yingji.monitoring.internal;

import cn.yingji.identity.AuditTrail;
import cn.yingji.monitoring.AlarmRaised;
import cn.yingji.monitoring.WarningLevel;
import cn.yingji.shared.DomainException.FieldError;
import cn.yingji.shared.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The ingest path: a batch is parsed and validated whole (nothing of a bad batch is stored), then, under one lock,
 * written with COPY, evaluated in memory against the cached rules, and its alarms stored and published, all in
 * one transaction with one audit entry for the batch. Evaluation state is applied only after the commit.
 */
@Service
class IngestService {

    static final int MAX_ERRORS = 20;
    private static final JsonFactory JSON = new JsonFactory();

    private final SensorRegistry registry;
    private final ReadingWriter writer;
    private final JdbcMonitoringStore store;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final MonitoringProperties props;
    private final AlarmHub hub;
    private final ReentrantLock lock = new ReentrantLock();
    Clock clock = Clock.systemUTC();

    IngestService(
            SensorRegistry registry,
            ReadingWriter writer,
            JdbcMonitoringStore store,
            AuditTrail audit,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            MonitoringProperties props,
            AlarmHub hub) {
        this.registry = registry;
        this.writer = writer;
        this.store = store;
        this.audit = audit;
        this.events = events;
        this.tx = tx;
        this.props = props;
        this.hub = hub;
    }

    /** A validated batch in columns. */
    static final class Batch {
        SensorRegistry.Entry[] entries;
        long[] atMicros;
        double[] values;
        int size;

        Batch(int capacity) {
            entries = new SensorRegistry.Entry[Math.max(16, capacity)];
            atMicros = new long[entries.length];
            values = new double[entries.length];
        }

        void add(SensorRegistry.Entry e, long at, double v) {
            if (size == entries.length) {
                int n = size * 2;
                entries = Arrays.copyOf(entries, n);
                atMicros = Arrays.copyOf(atMicros, n);
                values = Arrays.copyOf(values, n);
            }
            entries[size] = e;
            atMicros[size] = at;
            values[size] = v;
            size++;
        }
    }

    /** What happened to a batch. */
    record Result(int received, int stored, int duplicates, int late, int alarms) {}

    // ---- parsing

    private final class Collector {
        final Batch batch;
        final List<FieldError> errors = new ArrayList<>();
        final Instant latest = clock.instant().plus(props.getMaxFutureSkew());

        Collector(int capacity) {
            batch = new Batch(capacity);
        }

        void error(String where, String key, Object... args) {
            if (errors.size() < MAX_ERRORS) {
                errors.add(new FieldError(where, key, args));
            }
        }

        void row(String where, @Nullable String sensor, @Nullable String at, @Nullable String value) {
            if (batch.size >= props.getMaxBatchReadings()) {
                if (batch.size == props.getMaxBatchReadings()) {
                    error(where, "monitoring.error.tooManyReadings", props.getMaxBatchReadings());
                    batch.size++;
                }
                return;
            }
            SensorRegistry.Entry e = null;
            if (sensor == null || sensor.isBlank()) {
                error(where + ".sensor", "monitoring.error.required");
            } else {
                e = registry.byCode(sensor.trim());
                if (e == null) {
                    error(where + ".sensor", "monitoring.error.unknownSensor", sensor);
                }
            }
            long micros = 0;
            Instant t = parseTime(at);
            if (t == null) {
                error(where + ".at", "monitoring.error.badTime", String.valueOf(at));
            } else if (t.isAfter(latest)) {
                error(where + ".at", "monitoring.error.future", at);
            } else {
                micros = t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
            }
            double v = Double.NaN;
            if (value == null || value.isBlank()) {
                error(where + ".value", "monitoring.error.notNumeric", "");
            } else {
                try {
                    v = Double.parseDouble(value.trim());
                } catch (NumberFormatException ex) {
                    v = Double.NaN;
                }
                if (Double.isNaN(v) || Double.isInfinite(v)) {
                    error(where + ".value", "monitoring.error.notNumeric", value);
                }
            }
            if (e != null && t != null && !Double.isNaN(v) && !Double.isInfinite(v) && errors.isEmpty()) {
                batch.add(e, micros, v);
            } else if (errors.isEmpty()) {
                batch.size++; // keep counting rows after the first error
            }
        }

        Batch finish() {
            if (batch.size == 0 && errors.isEmpty()) {
                error("readings", "monitoring.error.emptyBatch");
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException("monitoring.error.batchRejected", errors);
            }
            return batch;
        }
    }

    static @Nullable Instant parseTime(@Nullable String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.trim();
        try {
            if (!t.isEmpty() && Character.isDigit(t.charAt(0)) && t.chars().allMatch(Character::isDigit)) {
                return Instant.ofEpochMilli(Long.parseLong(t));
            }
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    /**
     * Parses a JSON batch: {@code {"readings":[{"sensor":"…","at":"2026-11-29T10:00:00+08:00","value":1.5},…]}} or a
     * bare array of such objects. {@code at} may also be epoch milliseconds.
     */
    Batch parseJson(InputStream in) {
        Collector c = new Collector(1024);
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), in)) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_OBJECT) {
                boolean found = false;
                while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
                    String name = p.currentName();
                    t = p.nextToken();
                    if ("readings".equals(name) && t == JsonToken.START_ARRAY) {
                        readArray(p, c, "readings");
                        found = true;
                    } else {
                        p.skipChildren();
                    }
                }
                if (!found) {
                    c.error("readings", "monitoring.error.required");
                }
            } else if (t == JsonToken.START_ARRAY) {
                readArray(p, c, "readings");
            } else {
                c.error("$", "monitoring.error.malformed", "expected an object or an array");
            }
        } catch (JacksonException e) {
            c.error(
                    "line " + (e.getLocation() == null ? 0 : e.getLocation().getLineNr()),
                    "monitoring.error.malformed",
                    e.getOriginalMessage());
            throw new InvalidInputException("monitoring.error.batchRejected", c.errors);
        }
        return c.finish();
    }

    private static void readArray(JsonParser p, Collector c, String path) {
        int i = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            String where = path + "[" + i + "]";
            if (t != JsonToken.START_OBJECT) {
                c.error(where, "monitoring.error.malformed", "expected an object");
                p.skipChildren();
                i++;
                continue;
            }
            String sensor = null;
            String at = null;
            String value = null;
            while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                t = p.nextToken();
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                String text = t == JsonToken.VALUE_NULL ? null : p.getString();
                switch (name) {
                    case "sensor" -> sensor = text;
                    case "at" -> at = text;
                    case "value" -> value = text;
                    default -> {}
                }
            }
            c.row(where, sensor, at, value);
            i++;
        }
    }

    /** Parses a CSV batch: lines {@code sensor,at,value}; an optional header line starting with {@code sensor}. */
    Batch parseCsv(InputStream in) {
        Collector c = new Collector(1024);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (n == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                    line = line.substring(1);
                }
                if (line.isBlank()
                        || (n == 1
                                && line.trim()
                                        .toLowerCase(java.util.Locale.ROOT)
                                        .startsWith("sensor"))) {
                    continue;
                }
                int a = line.indexOf(',');
                int b = a < 0 ? -1 : line.indexOf(',', a + 1);
                if (a < 0 || b < 0 || line.indexOf(',', b + 1) >= 0) {
                    c.error("line " + n, "monitoring.error.csvColumns");
                    continue;
                }
                c.row("line " + n, line.substring(0, a), line.substring(a + 1, b), line.substring(b + 1));
            }
        } catch (IOException e) {
            c.error("body", "monitoring.error.malformed", e.getMessage());
        }
        return c.finish();
    }

    /** Parses one MQTT payload for {@code sensorCode}: a number, or {@code {"at":…,"value":…}}. Null when unusable. */
    @Nullable
    Batch parseMqtt(String sensorCode, byte[] payload, Instant received) {
        SensorRegistry.Entry e = registry.byCode(sensorCode);
        if (e == null) {
            return null;
        }
        String s = new String(payload, StandardCharsets.UTF_8).trim();
        String at = null;
        String value = s;
        if (s.startsWith("{")) {
            value = null;
            try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), s)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    return null;
                }
                JsonToken t;
                while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
                    String name = p.currentName();
                    t = p.nextToken();
                    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                        p.skipChildren();
                    } else if ("at".equals(name)) {
                        at = p.getString();
                    } else if ("value".equals(name)) {
                        value = p.getString();
                    }
                }
            } catch (JacksonException ex) {
                return null;
            }
        }
        Instant t = at == null ? received : parseTime(at);
        if (t == null || value == null || t.isAfter(received.plus(props.getMaxFutureSkew()))) {
            return null;
        }
        double v;
        try {
            v = Double.parseDouble(value);
        } catch (NumberFormatException ex) {
            return null;
        }
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return null;
        }
        Batch b = new Batch(1);
        b.add(e, t.getEpochSecond() * 1_000_000L + t.getNano() / 1000, v);
        return b;
    }

    // ---- storing and evaluating

    /** Stores and evaluates a validated batch; {@code channel} is {@code http-json}, {@code http-csv} or {@code mqtt}. */
    Result ingest(Batch batch, String channel) {
        int n = batch.size;
        Integer[] order = null;
        for (int i = 1; i < n; i++) {
            if (batch.atMicros[i] < batch.atMicros[i - 1]) {
                order = new Integer[n];
                for (int k = 0; k < n; k++) {
                    order[k] = k;
                }
                long[] at = batch.atMicros;
                Arrays.sort(order, (x, y) -> Long.compare(at[x], at[y]));
                break;
            }
        }
        UUID[] ids = new UUID[n];
        for (int i = 0; i < n; i++) {
            ids[i] = batch.entries[i].rule.id();
        }
        ReadingWriter.Rows rows = new ReadingWriter.Rows(ids, batch.atMicros, batch.values, n);
        Integer[] ord = order;
        lock.lock();
        try {
            Instant now = clock.instant();
            Map<SensorRegistry.Entry, SensorState> working = new IdentityHashMap<>();
            List<AlarmRaised> raised = new ArrayList<>();
            int[] late = new int[1];
            Integer stored = tx.execute(status -> {
                int s = writer.write(rows, fresh(batch, ord), now);
                Map<SensorRegistry.Entry, Boolean> dirty = new IdentityHashMap<>();
                for (int k = 0; k < n; k++) {
                    int i = ord == null ? k : ord[k];
                    SensorRegistry.Entry e = batch.entries[i];
                    SensorState st = working.get(e);
                    if (st == null) {
                        st = e.state.copy();
                        working.put(e, st);
                    }
                    long us = batch.atMicros[i];
                    Instant at = Instant.ofEpochSecond(us / 1_000_000L, (us % 1_000_000L) * 1000);
                    RuleEngine.Outcome o = RuleEngine.evaluate(e.rule, st, at, batch.values[i], (kind, level, v, t) -> {
                        raised.add(raise(e.rule, kind, level, v, t, now));
                    });
                    if (o == RuleEngine.Outcome.LATE) {
                        late[0]++;
                    } else if (o == RuleEngine.Outcome.CHANGED) {
                        dirty.put(e, Boolean.TRUE);
                    }
                }
                List<Object[]> states = new ArrayList<>();
                for (SensorRegistry.Entry e : dirty.keySet()) {
                    SensorState st = working.get(e);
                    states.add(new Object[] {e.rule.id(), st.stateName(), st.lastValue, st.lastAt});
                }
                store.saveStates(states);
                Map<String, Object> summary = new LinkedHashMap<>();
                summary.put("channel", channel);
                summary.put("readings", n);
                summary.put("stored", s);
                summary.put("sensors", working.size());
                summary.put("alarms", raised.size());
                audit.record("ingest", "monitoring.readings", UUID.randomUUID().toString(), null, null, summary);
                return s;
            });
            for (Map.Entry<SensorRegistry.Entry, SensorState> w : working.entrySet()) {
                SensorState st = w.getValue();
                st.reference = now; // silence is measured from the last receipt
                w.getKey().state = st;
            }
            hub.publish(raised);
            int s = stored == null ? 0 : stored;
            return new Result(n, s, n - s, late[0], raised.size());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Marks the rows later than anything stored for their sensor (per the in-memory state, in time order), which
     * can be copied without a duplicate check. Called under the ingest lock.
     */
    private static boolean[] fresh(Batch batch, Integer @Nullable [] ord) {
        int n = batch.size;
        boolean[] fresh = new boolean[n];
        Map<SensorRegistry.Entry, long[]> max = new IdentityHashMap<>();
        for (int k = 0; k < n; k++) {
            int i = ord == null ? k : ord[k];
            SensorRegistry.Entry e = batch.entries[i];
            long[] m = max.get(e);
            if (m == null) {
                Instant last = e.state.lastAt;
                m = new long[] {
                    last == null ? Long.MIN_VALUE : last.getEpochSecond() * 1_000_000L + last.getNano() / 1000
                };
                max.put(e, m);
            }
            if (batch.atMicros[i] > m[0]) {
                fresh[i] = true;
                m[0] = batch.atMicros[i];
            }
        }
        return fresh;
    }

    private AlarmRaised raise(
            SensorRule r, String kind, @Nullable WarningLevel level, @Nullable Double value, Instant at, Instant now) {
        UUID id = UUID.randomUUID();
        store.insertAlarm(id, r, kind, level, value, at, now);
        AlarmRaised a = new AlarmRaised(id, r.id(), r.code(), kind, level, value, at, r.divisionPath());
        events.publishEvent(a);
        return a;
    }

    /** Raises offline alarms for sensors silent past their interval; answers how many. */
    int sweepOffline() {
        lock.lock();
        try {
            Instant now = clock.instant();
            Map<SensorRegistry.Entry, SensorState> changed = new HashMap<>();
            for (SensorRegistry.Entry e : registry.all()) {
                SensorState st = e.state.copy();
                if (RuleEngine.offline(e.rule, st, now, props.getOfflineFactor())) {
                    changed.put(e, st);
                }
            }
            if (changed.isEmpty()) {
                return 0;
            }
            List<AlarmRaised> raised = new ArrayList<>();
            tx.executeWithoutResult(status -> {
                List<Object[]> states = new ArrayList<>();
                for (Map.Entry<SensorRegistry.Entry, SensorState> c : changed.entrySet()) {
                    SensorState st = c.getValue();
                    SensorRule r = c.getKey().rule;
                    raised.add(raise(r, "OFFLINE", null, null, st.lastAt == null ? st.reference : st.lastAt, now));
                    states.add(
                            new Object[] {r.id(), st.stateName(), st.lastAt == null ? null : st.lastValue, st.lastAt});
                }
                store.saveStates(states);
                audit.record(
                        "offline",
                        "monitoring.sensors",
                        UUID.randomUUID().toString(),
                        null,
                        null,
                        Map.of("sensors", changed.size()));
            });
            changed.forEach((e, st) -> e.state = st);
            hub.publish(raised);
            return raised.size();
        } finally {
            lock.unlock();
        }
    }
}
