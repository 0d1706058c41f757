package cn.yingji.exchange.internal;

import cn.yingji.exchange.SharedResource;
import cn.yingji.shared.db.AfterTransaction;
import cn.yingji.shared.db.CommitWrites;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All SQL of the exchange module, against its own schema only. */
@Repository
class JdbcExchangeStore {

    private final JdbcClient jdbc;

    private final CommitWrites writes;

    JdbcExchangeStore(JdbcClient jdbc, CommitWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    // ---- clients

    record ClientRow(
            UUID id,
            String department,
            String name,
            String keyPrefix,
            String keyHash,
            Set<SharedResource> scopes,
            List<String> jurisdiction,
            int ratePerMinute,
            boolean active,
            Instant createdAt,
            String createdBy,
            @Nullable Instant rotatedAt,
            @Nullable Instant revokedAt) {}

    private static final String CLIENT_COLUMNS = "id, department, name, key_prefix, key_hash, scopes, jurisdiction,"
            + " rate_per_minute, active, created_at, created_by, rotated_at, revoked_at";

    void insertClient(ClientRow c) {
        subscribersChanged();
        jdbc.sql("insert into exchange.api_clients (" + CLIENT_COLUMNS + ") values (:id, :department, :name,"
                        + " :prefix, :hash, string_to_array(:scopes, ','), string_to_array(:jur, ','), :rate, true,"
                        + " :at, :by, null, null)")
                .param("id", c.id())
                .param("department", c.department())
                .param("name", c.name())
                .param("prefix", c.keyPrefix())
                .param("hash", c.keyHash())
                .param(
                        "scopes",
                        String.join(
                                ",",
                                c.scopes().stream().map(Enum::name).sorted().toList()))
                .param("jur", String.join(",", c.jurisdiction()))
                .param("rate", c.ratePerMinute())
                .param("at", java.sql.Timestamp.from(c.createdAt()))
                .param("by", c.createdBy())
                .update();
    }

    void rotateKey(UUID id, String prefix, String hash) {
        subscribersChanged();
        jdbc.sql("update exchange.api_clients set key_prefix = :p, key_hash = :h, rotated_at = now() where id = :id")
                .param("p", prefix)
                .param("h", hash)
                .param("id", id)
                .update();
    }

    void revoke(UUID id) {
        subscribersChanged();
        jdbc.sql("update exchange.api_clients set active = false, revoked_at = now() where id = :id")
                .param("id", id)
                .update();
        jdbc.sql("update exchange.webhook_subscriptions set active = false where client_id = :id")
                .param("id", id)
                .update();
    }

    Optional<ClientRow> client(UUID id) {
        return jdbc.sql("select " + CLIENT_COLUMNS + " from exchange.api_clients where id = :id")
                .param("id", id)
                .query(JdbcExchangeStore::client)
                .optional();
    }

    Optional<ClientRow> clientByPrefix(String prefix) {
        return jdbc.sql("select " + CLIENT_COLUMNS + " from exchange.api_clients where key_prefix = :p")
                .param("p", prefix)
                .query(JdbcExchangeStore::client)
                .optional();
    }

    List<ClientRow> clients() {
        return jdbc.sql("select " + CLIENT_COLUMNS
                        + " from exchange.api_clients order by active desc, department, name")
                .query(JdbcExchangeStore::client)
                .list();
    }

    private static ClientRow client(ResultSet rs, int n) throws SQLException {
        Set<SharedResource> scopes = EnumSet.noneOf(SharedResource.class);
        for (String s : strings(rs.getArray("scopes"))) {
            scopes.add(SharedResource.valueOf(s));
        }
        return new ClientRow(
                rs.getObject("id", UUID.class),
                rs.getString("department"),
                rs.getString("name"),
                rs.getString("key_prefix"),
                rs.getString("key_hash"),
                scopes,
                strings(rs.getArray("jurisdiction")),
                rs.getInt("rate_per_minute"),
                rs.getBoolean("active"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"),
                instant(rs, "rotated_at"),
                instant(rs, "revoked_at"));
    }

    static List<String> strings(@Nullable Array a) throws SQLException {
        if (a == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) a.getArray()).map(String::valueOf).toList();
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    // ---- usage log

    void logUsage(UUID client, String method, String path, int status, @Nullable Integer rows) {
        jdbc.sql("insert into exchange.usage_log (client_id, method, path, status, rows_returned)"
                        + " values (:c, :m, :p, :s, :r)")
                .param("c", client)
                .param("m", method)
                .param("p", path.length() > 500 ? path.substring(0, 500) : path)
                .param("s", status)
                .param("r", rows)
                .update();
    }

    record Usage(
            Instant at,
            String method,
            String path,
            int status,
            @Nullable Integer rows) {}

    List<Usage> usage(UUID client, int limit) {
        return jdbc.sql("select at, method, path, status, rows_returned from exchange.usage_log where client_id = :c"
                        + " order by at desc, id desc limit :l")
                .param("c", client)
                .param("l", limit)
                .query((rs, n) -> new Usage(
                        rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getInt(4), (Integer)
                                rs.getObject(5)))
                .list();
    }

    record UsageSummary(
            UUID client,
            long requests,
            long refused,
            @Nullable Instant lastAt) {}

    List<UsageSummary> usageSummary() {
        return jdbc.sql("select client_id, count(*), count(*) filter (where status >= 400), max(at)"
                        + " from exchange.usage_log where at > now() - interval '30 days' group by client_id")
                .query((rs, n) ->
                        new UsageSummary(rs.getObject(1, UUID.class), rs.getLong(2), rs.getLong(3), instant(rs, "max")))
                .list();
    }

    // ---- change log

    record Change(
            long seq,
            String txId,
            String resource,
            UUID entityId,
            String change,
            String divisionPath,
            List<String> divisionPaths,
            @Nullable Double lon,
            @Nullable Double lat,
            String snapshot,
            Instant changedAt) {

        String cursor() {
            return txId + "." + seq;
        }
    }

    private static final String CHANGE_COLUMNS = "seq, tx_id::text as tx, resource, entity_id, change, division_path,"
            + " division_paths, lon, lat, snapshot::text as snap, changed_at";

    private static final String APPEND_CHANGE =
            "insert into exchange.change_log (resource, entity_id, change, division_path, division_paths, lon, lat,"
                    + " snapshot) values (:r, :e, :c, :p, string_to_array(:ps, ','), :lon, :lat, cast(:s as jsonb))";

    /** A change-log row to append; {@code paths} first is the row's own division. */
    record NewChange(
            SharedResource resource,
            UUID entity,
            String change,
            List<String> paths,
            @Nullable Double lon,
            @Nullable Double lat,
            String snapshotJson) {

        Map<String, @Nullable Object> params() {
            Map<String, @Nullable Object> params = new java.util.HashMap<>();
            params.put("r", resource.slug());
            params.put("e", entity);
            params.put("c", change);
            params.put("p", paths.get(0));
            params.put("ps", String.join(",", paths));
            params.put("lon", lon);
            params.put("lat", lat);
            params.put("s", snapshotJson);
            return params;
        }
    }

    /**
     * Appends a change whose sequence number nobody waits for (no webhook delivery names it): queued with
     * {@link CommitWrites} and sent with the transaction's other log rows just before it commits. Every read of the
     * change log below sends the queue first.
     */
    void queueChange(NewChange c) {
        writes.add(APPEND_CHANGE, c.params());
    }

    /** Appends a change now and answers its sequence number. */
    long appendChange(NewChange c) {
        writes.flush();
        return jdbc.sql(APPEND_CHANGE + " returning seq")
                .params(c.params())
                .query(Long.class)
                .single();
    }

    /** Serialises the backfill of one resource across nodes until the transaction ends. */
    void lockBackfill(SharedResource resource) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('exchange.backfill.' || :r))")
                .param("r", resource.slug())
                .query((rs, n) -> 1)
                .list();
    }

    /** True when the change log holds any row of the resource. */
    boolean hasChanges(SharedResource resource) {
        writes.flush();
        return jdbc.sql("select exists (select 1 from exchange.change_log where resource = :r)")
                .param("r", resource.slug())
                .query(Boolean.class)
                .single();
    }

    /** The latest change of an entity, whoever may see it (callers check jurisdiction). */
    Optional<Change> latest(SharedResource resource, UUID entity) {
        writes.flush();
        return jdbc.sql("select " + CHANGE_COLUMNS + " from exchange.change_log where resource = :r and entity_id = :e"
                        + " order by seq desc limit 1")
                .param("r", resource.slug())
                .param("e", entity)
                .query(JdbcExchangeStore::change)
                .optional();
    }

    /**
     * Changes after the cursor, visible through the patterns, in (transaction, sequence) order, only of
     * transactions older than every transaction still running: a later page never receives a row that sorts
     * before the cursor.
     */
    List<Change> changesAfter(SharedResource resource, String tx, long seq, List<String> patterns, int limit) {
        writes.flush();
        return jdbc.sql("select " + CHANGE_COLUMNS + " from exchange.change_log where resource = :r"
                        + " and (tx_id, seq) > (cast(:tx as xid8), :seq)"
                        + " and tx_id < pg_snapshot_xmin(pg_current_snapshot())"
                        + " and exists (select 1 from unnest(division_paths) p where p like any (array[:patterns]))"
                        + " order by tx_id, seq limit :l")
                .param("r", resource.slug())
                .param("tx", tx)
                .param("seq", seq)
                .param("patterns", patterns)
                .param("l", limit)
                .query(JdbcExchangeStore::change)
                .list();
    }

    /** The latest state of every visible entity with a position, at most {@code limit}. */
    List<Change> latestWithPlace(SharedResource resource, List<String> patterns, int limit) {
        writes.flush();
        return jdbc.sql("select * from (select distinct on (entity_id) " + CHANGE_COLUMNS
                        + " from exchange.change_log where resource = :r order by entity_id, seq desc) x"
                        + " where lon is not null and exists (select 1 from unnest(division_paths) p"
                        + " where p like any (array[:patterns])) order by seq limit :l")
                .param("r", resource.slug())
                .param("patterns", patterns)
                .param("l", limit)
                .query(JdbcExchangeStore::change)
                .list();
    }

    private static Change change(ResultSet rs, int n) throws SQLException {
        return new Change(
                rs.getLong("seq"),
                rs.getString("tx"),
                rs.getString("resource"),
                rs.getObject("entity_id", UUID.class),
                rs.getString("change"),
                rs.getString("division_path"),
                strings(rs.getArray("division_paths")),
                (Double) rs.getObject("lon"),
                (Double) rs.getObject("lat"),
                rs.getString("snap"),
                rs.getTimestamp("changed_at").toInstant());
    }

    record ResourceCount(String resource, long changes, long entities) {}

    List<ResourceCount> changeCounts() {
        writes.flush();
        return jdbc.sql("select resource, count(*), count(distinct entity_id) from exchange.change_log group by 1")
                .query((rs, n) -> new ResourceCount(rs.getString(1), rs.getLong(2), rs.getLong(3)))
                .list();
    }

    // ---- webhooks

    record SubscriptionRow(
            UUID id,
            @Nullable UUID clientId,
            String name,
            String url,
            String secret,
            List<String> eventTypes,
            List<String> jurisdiction,
            boolean active,
            Instant createdAt,
            String createdBy) {}

    void insertSubscription(SubscriptionRow s) {
        subscribersChanged();
        jdbc.sql("insert into exchange.webhook_subscriptions (id, client_id, name, url, secret, event_types,"
                        + " jurisdiction, active, created_at, created_by) values (:id, :c, :n, :u, :s,"
                        + " string_to_array(:t, ','), string_to_array(:j, ','), true, :at, :by)")
                .param("id", s.id())
                .param("c", s.clientId())
                .param("n", s.name())
                .param("u", s.url())
                .param("s", s.secret())
                .param("t", String.join(",", s.eventTypes()))
                .param("j", String.join(",", s.jurisdiction()))
                .param("at", java.sql.Timestamp.from(s.createdAt()))
                .param("by", s.createdBy())
                .update();
    }

    void deactivateSubscription(UUID id) {
        subscribersChanged();
        jdbc.sql("update exchange.webhook_subscriptions set active = false where id = :id")
                .param("id", id)
                .update();
    }

    Optional<SubscriptionRow> subscription(UUID id) {
        return jdbc.sql("select * from exchange.webhook_subscriptions where id = :id")
                .param("id", id)
                .query(JdbcExchangeStore::subscription)
                .optional();
    }

    List<SubscriptionRow> subscriptions() {
        return jdbc.sql("select * from exchange.webhook_subscriptions order by active desc, created_at desc")
                .query(JdbcExchangeStore::subscription)
                .list();
    }

    private static SubscriptionRow subscription(ResultSet rs, int n) throws SQLException {
        return new SubscriptionRow(
                rs.getObject("id", UUID.class),
                rs.getObject("client_id", UUID.class),
                rs.getString("name"),
                rs.getString("url"),
                rs.getString("secret"),
                strings(rs.getArray("event_types")),
                strings(rs.getArray("jurisdiction")),
                rs.getBoolean("active"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"));
    }

    /**
     * A subscription a change goes to.
     *
     * @param subscriptionId the subscription
     * @param divisionPath the first of the change's paths inside its jurisdiction
     * @param jurisdiction its division path prefixes (the client's when it belongs to one)
     */
    record Target(UUID subscriptionId, String divisionPath, List<String> jurisdiction) {
        boolean covers(String path) {
            return jurisdiction.stream().anyMatch(path::startsWith);
        }
    }

    /** What decides whether a subscription receives a change, for every active subscription. */
    private record Subscriber(
            UUID id, Set<String> eventTypes, @Nullable Set<String> clientScopes, List<String> jurisdiction) {}

    private record Subscribers(long loadedAtNanos, List<Subscriber> all) {}

    private volatile @Nullable Subscribers subscribers;

    /**
     * Forgets the cached subscribers once the current transaction commits (at once outside one), so a change of a
     * subscription or client on this node counts from its commit on; other nodes see it within {@link
     * #SUBSCRIBERS_TTL_NANOS}.
     */
    private void subscribersChanged() {
        subscribers = null;
        AfterTransaction.completion(() -> subscribers = null);
    }

    private static final long SUBSCRIBERS_TTL_NANOS = 5_000_000_000L;

    private List<Subscriber> subscribers() {
        Subscribers s = subscribers;
        if (s != null && System.nanoTime() - s.loadedAtNanos() < SUBSCRIBERS_TTL_NANOS) {
            return s.all();
        }
        // Every change of a shared resource asks for its targets: one read per few seconds instead of one per change.
        List<Subscriber> all = jdbc.sql("""
                        select s.id, s.event_types, case when s.client_id is null then null else c.scopes end as scopes,
                               coalesce(c.jurisdiction, s.jurisdiction) as jurisdiction
                        from exchange.webhook_subscriptions s
                        left join exchange.api_clients c on c.id = s.client_id
                        where s.active and (s.client_id is null or c.active)
                        """)
                .query((rs, n) -> new Subscriber(
                        rs.getObject(1, UUID.class),
                        Set.copyOf(strings(rs.getArray(2))),
                        rs.getArray(3) == null ? null : Set.copyOf(strings(rs.getArray(3))),
                        strings(rs.getArray(4))))
                .list();
        subscribers = new Subscribers(System.nanoTime(), List.copyOf(all));
        return all;
    }

    /**
     * Active subscriptions to {@code type} that may receive a change at one of {@code paths}: a client's
     * subscription through the client's (current) jurisdiction and scopes, a receiver's through its own.
     */
    List<Target> targets(String type, SharedResource resource, List<String> paths) {
        List<Target> out = new ArrayList<>();
        for (Subscriber s : subscribers()) {
            if (!s.eventTypes().contains(type)
                    || (s.clientScopes() != null && !s.clientScopes().contains(resource.name()))) {
                continue;
            }
            paths.stream()
                    .filter(p -> s.jurisdiction().stream().anyMatch(p::startsWith))
                    .findFirst()
                    .ifPresent(p -> out.add(new Target(s.id(), p, s.jurisdiction())));
        }
        return out;
    }

    void enqueue(UUID id, UUID subscription, String type, long changeSeq, String path, String payload) {
        jdbc.sql("insert into exchange.webhook_deliveries (id, subscription_id, event_type, change_seq, division_path,"
                        + " payload, state) values (:id, :s, :t, :c, :p, :payload, 'PENDING')")
                .param("id", id)
                .param("s", subscription)
                .param("t", type)
                .param("c", changeSeq)
                .param("p", path)
                .param("payload", payload)
                .update();
    }

    record Claimed(
            UUID id, String payload, int attempts, String eventType, String url, String secret, boolean active) {}

    /** Claims due deliveries under a lease; concurrent dispatchers skip each other's rows. */
    List<Claimed> claimDue(Instant now, int limit, int leaseSeconds) {
        return jdbc.sql("""
                        update exchange.webhook_deliveries d
                        set locked_until = cast(:now as timestamptz) + make_interval(secs => :lease)
                        from exchange.webhook_subscriptions s
                        where s.id = d.subscription_id and d.id in (
                            select id from exchange.webhook_deliveries
                            where state = 'PENDING' and next_attempt_at <= :now
                              and (locked_until is null or locked_until < :now)
                            order by next_attempt_at limit :l
                            for update skip locked)
                        returning d.id, d.payload, d.attempts, d.event_type, s.url, s.secret, s.active
                        """)
                .param("now", java.sql.Timestamp.from(now))
                .param("lease", leaseSeconds)
                .param("l", limit)
                .query((rs, n) -> new Claimed(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getBoolean(7)))
                .list();
    }

    void recordAttempt(UUID delivery, int attempt, @Nullable Integer status, @Nullable String error, long millis) {
        jdbc.sql("insert into exchange.webhook_attempts (delivery_id, attempt, status, error, duration_ms)"
                        + " values (:d, :a, :s, :e, :ms)")
                .param("d", delivery)
                .param("a", attempt)
                .param("s", status)
                .param("e", error)
                .param("ms", (int) Math.min(Integer.MAX_VALUE, millis))
                .update();
    }

    void delivered(UUID delivery, int attempts, int status) {
        jdbc.sql("update exchange.webhook_deliveries set state = 'DELIVERED', attempts = :a, last_status = :s,"
                        + " last_error = null, delivered_at = now(), locked_until = null where id = :id")
                .param("a", attempts)
                .param("s", status)
                .param("id", delivery)
                .update();
    }

    void failed(
            UUID delivery,
            int attempts,
            @Nullable Integer status,
            @Nullable String error,
            @Nullable Instant nextAttempt) {
        jdbc.sql("update exchange.webhook_deliveries set state = :st, attempts = :a, last_status = :s,"
                        + " last_error = :e, next_attempt_at = coalesce(:next, next_attempt_at), locked_until = null"
                        + " where id = :id")
                .param("st", nextAttempt == null ? "DEAD" : "PENDING")
                .param("a", attempts)
                .param("s", status)
                .param("e", error == null ? null : error.length() > 500 ? error.substring(0, 500) : error)
                .param("next", nextAttempt == null ? null : java.sql.Timestamp.from(nextAttempt))
                .param("id", delivery)
                .update();
    }

    boolean redeliver(UUID delivery) {
        return jdbc.sql("update exchange.webhook_deliveries set state = 'PENDING', attempts = 0,"
                                + " next_attempt_at = now(), locked_until = null where id = :id and state = 'DEAD'")
                        .param("id", delivery)
                        .update()
                > 0;
    }

    record DeliveryRow(
            UUID id,
            UUID subscriptionId,
            String subscriptionName,
            String eventType,
            String divisionPath,
            String state,
            int attempts,
            Instant nextAttemptAt,
            @Nullable Integer lastStatus,
            @Nullable String lastError,
            Instant createdAt,
            @Nullable Instant deliveredAt) {}

    Optional<DeliveryRow> delivery(UUID id) {
        return deliveries("d.id = :id", id, 1).stream().findFirst();
    }

    List<DeliveryRow> deliveriesInState(String state, int limit) {
        return deliveries("d.state = :id", state, limit);
    }

    List<DeliveryRow> deliveriesOf(UUID subscription, int limit) {
        return deliveries("d.subscription_id = :id", subscription, limit);
    }

    private List<DeliveryRow> deliveries(String where, Object arg, int limit) {
        return jdbc.sql("select d.*, s.name as sname from exchange.webhook_deliveries d"
                        + " join exchange.webhook_subscriptions s on s.id = d.subscription_id where " + where
                        + " order by d.created_at desc limit :l")
                .param("id", arg)
                .param("l", limit)
                .query((rs, n) -> new DeliveryRow(
                        rs.getObject("id", UUID.class),
                        rs.getObject("subscription_id", UUID.class),
                        rs.getString("sname"),
                        rs.getString("event_type"),
                        rs.getString("division_path"),
                        rs.getString("state"),
                        rs.getInt("attempts"),
                        rs.getTimestamp("next_attempt_at").toInstant(),
                        (Integer) rs.getObject("last_status"),
                        rs.getString("last_error"),
                        rs.getTimestamp("created_at").toInstant(),
                        instant(rs, "delivered_at")))
                .list();
    }

    record AttemptRow(
            int attempt,
            Instant at,
            @Nullable Integer status,
            @Nullable String error,
            int millis) {}

    List<AttemptRow> attempts(UUID delivery) {
        return jdbc.sql("select attempt, at, status, error, duration_ms from exchange.webhook_attempts"
                        + " where delivery_id = :d order by attempt, id")
                .param("d", delivery)
                .query((rs, n) -> new AttemptRow(
                        rs.getInt(1),
                        rs.getTimestamp(2).toInstant(),
                        (Integer) rs.getObject(3),
                        rs.getString(4),
                        rs.getInt(5)))
                .list();
    }

    static List<String> list(List<String> in) {
        return new ArrayList<>(in);
    }
}
