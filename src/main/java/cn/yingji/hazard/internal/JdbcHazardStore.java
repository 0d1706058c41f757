package cn.yingji.hazard.internal;

import cn.yingji.hazard.Hazard;
import cn.yingji.hazard.HazardCard;
import cn.yingji.hazard.HazardGrade;
import cn.yingji.hazard.HazardId;
import cn.yingji.hazard.HazardSource;
import cn.yingji.hazard.HazardState;
import cn.yingji.hazard.HazardStep;
import cn.yingji.shared.PageQuery;
import cn.yingji.shared.PageResult;
import cn.yingji.shared.Uuids;
import cn.yingji.shared.db.PathScope;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Hand-written SQL over the {@code hazard} schema. Every read of hazards takes a {@link Scope}: the caller's view
 * patterns over {@code division_path}, plus (for enterprise users) their own enterprise.
 */
@Repository
class JdbcHazardStore {

    /** Who may see what: LIKE patterns and, for enterprise users, the enterprise whose hazards they also see. */
    record Scope(List<String> patterns, @Nullable UUID enterprise) {
        static final Scope EVERYTHING = new Scope(List.of("%"), null);
    }

    private static final String COLUMNS = "id, number, title, description, grade, industry, source, state,"
            + " division_path, grid_code, lon, lat, address, enterprise_id, enterprise_name, reported_by,"
            + " reported_at, responsible, measures, funds, deadline, contingency_plan, rectified_by, accepted_by,"
            + " merged_into, reason, supervised, supervising_path, card, escalated_path, version";
    private static final String VISIBLE =
            "(division_path like any (array[:scope]) or enterprise_id = cast(:ent as uuid))";

    private final JdbcClient jdbc;

    JdbcHazardStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The photo sent with a report, written by {@link #insert} in the hazard's own statement. */
    record ReportPhoto(UUID id, String contentType, byte[] content, String sha256) {}

    /**
     * A new hazard row and its report photo (when given) in one statement; answers its number, or empty when the
     * idempotency key was already used (nothing written).
     */
    Optional<String> insert(
            Hazard h,
            @Nullable UUID reporterUser,
            @Nullable String key,
            @Nullable String followUpHash,
            @Nullable String clientHash,
            @Nullable String reporterName,
            @Nullable String reporterPhone,
            @Nullable ReportPhoto photo) {
        String withPhoto = photo == null ? "" : """
                , photo as (
                    insert into hazard.photos (id, hazard_id, content_type, size_bytes, sha256, content, uploaded_by,
                                               uploaded_at)
                    select :photoId, h.id, :photoType, :photoSize, :photoSha, :photoContent, :by,
                           cast(:at as timestamptz)
                    from h)
                """;
        var spec = jdbc.sql("with h as (\n" + """
                        insert into hazard.hazards (id, number, title, description, grade, industry, source, state,
                               division_path, grid_code, lon, lat, address, enterprise_id, enterprise_name,
                               reporter_name, reporter_phone, reported_by, reported_by_user, idempotency_key,
                               follow_up_hash, client_hash, reported_at, updated_at)
                        values (:id, :number || lpad(nextval('hazard.number_seq')::text, 6, '0'), :title,
                                :description, :grade, :industry, :source, 'REPORTED', :path, :grid, :lon, :lat,
                                :address, :ent, :entName, :rname, :rphone, :by, :byUser, :key, :follow, :client,
                                :at, :at)
                        on conflict do nothing returning id, number)
                        """ + withPhoto + "select number from h")
                .param("id", h.id().value())
                .param("number", h.number())
                .param("title", h.title())
                .param("description", h.description())
                .param("grade", h.grade().name())
                .param("industry", h.industry())
                .param("source", h.source().name())
                .param("path", h.divisionPath())
                .param("grid", h.gridCode())
                .param("lon", h.lon())
                .param("lat", h.lat())
                .param("address", h.address())
                .param("ent", h.enterpriseId())
                .param("entName", h.enterpriseName())
                .param("rname", reporterName)
                .param("rphone", reporterPhone)
                .param("by", h.reportedBy())
                .param("byUser", reporterUser)
                .param("key", key)
                .param("follow", followUpHash)
                .param("client", clientHash)
                .param("at", Timestamp.from(h.reportedAt()));
        if (photo != null) {
            spec = spec.param("photoId", photo.id())
                    .param("photoType", photo.contentType())
                    .param("photoSize", photo.content().length)
                    .param("photoSha", photo.sha256())
                    .param("photoContent", photo.content());
        }
        return spec.query(String.class).optional();
    }

    Optional<Hazard> byKey(@Nullable UUID reporterUser, String key) {
        return jdbc.sql("select " + COLUMNS + " from hazard.hazards where coalesce(reported_by_user::text, '') = :u"
                        + " and idempotency_key = :key")
                .param("u", reporterUser == null ? "" : reporterUser.toString())
                .param("key", key)
                .query(JdbcHazardStore::hazard)
                .optional();
    }

    Optional<Hazard> byFollowUp(String hash) {
        return jdbc.sql("select " + COLUMNS + " from hazard.hazards where follow_up_hash = :h")
                .param("h", hash)
                .query(JdbcHazardStore::hazard)
                .optional();
    }

    long recentFromClient(String clientHash, Instant since) {
        return jdbc.sql("select count(*) from hazard.hazards where client_hash = :c and reported_at > :since")
                .param("c", clientHash)
                .param("since", Timestamp.from(since))
                .query(Long.class)
                .single();
    }

    Optional<Hazard> find(UUID id, Scope scope) {
        return jdbc.sql("select " + COLUMNS + " from hazard.hazards where id = :id and " + VISIBLE)
                .param("id", id)
                .param("scope", scope.patterns())
                .param("ent", scope.enterprise())
                .query(JdbcHazardStore::hazard)
                .optional();
    }

    /** Locks the row for a lifecycle step. */
    Optional<Hazard> lock(UUID id, Scope scope) {
        return jdbc.sql("select " + COLUMNS + " from hazard.hazards where id = :id and " + VISIBLE + " for update")
                .param("id", id)
                .param("scope", scope.patterns())
                .param("ent", scope.enterprise())
                .query(JdbcHazardStore::hazard)
                .optional();
    }

    PageResult<Hazard> list(Filter f, PageQuery page, Scope scope) {
        Where w = where(f, scope);
        long total = w.bind(jdbc.sql("select count(*) from hazard.hazards" + w))
                .query(Long.class)
                .single();
        List<Hazard> items = w.bind(jdbc.sql("select " + COLUMNS + " from hazard.hazards" + w
                        + " order by reported_at desc, id limit :limit offset :offset"))
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(JdbcHazardStore::hazard)
                .list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    void each(Filter f, Scope scope, Consumer<Hazard> sink) {
        Where w = where(f, scope);
        w.bind(jdbc.sql("select " + COLUMNS + " from hazard.hazards" + w + " order by division_path, reported_at, id"))
                .query((RowCallbackHandler) rs -> sink.accept(hazard(rs, 0)));
    }

    Map<HazardState, Long> counts(Filter f, Scope scope) {
        Where w = where(f, scope);
        Map<HazardState, Long> out = new EnumMap<>(HazardState.class);
        for (HazardState s : HazardState.values()) {
            out.put(s, 0L);
        }
        w.bind(jdbc.sql("select state, count(*) n from hazard.hazards" + w + " group by state"))
                .query((RowCallbackHandler) rs -> out.put(HazardState.valueOf(rs.getString(1)), rs.getLong(2)));
        return out;
    }

    /** Counts by the division at {@code depth} path segments (township = 3) and state, for the ledger summary. */
    Map<String, Map<HazardState, Long>> countsByDivision(Filter f, Scope scope, int depth) {
        Where w = where(f, scope);
        Map<String, Map<HazardState, Long>> out = new LinkedHashMap<>();
        w.bind(jdbc.sql("select substring(division_path from '^((/[0-9]+){1," + depth
                        + "})') d, state, count(*) from hazard.hazards" + w + " group by 1, 2 order by 1"))
                .query((RowCallbackHandler)
                        rs -> out.computeIfAbsent(rs.getString(1) + "/", k -> new EnumMap<>(HazardState.class))
                                .put(HazardState.valueOf(rs.getString(2)), rs.getLong(3)));
        return out;
    }

    /** Ledger filter with the division already resolved to a path. */
    record Filter(
            @Nullable String divisionPath,
            @Nullable String industry,
            @Nullable HazardState state,
            @Nullable HazardGrade grade,
            @Nullable HazardCard card,
            @Nullable Boolean supervised,
            @Nullable String q) {}

    private static Where where(Filter f, Scope scope) {
        Where w = new Where(scope);
        if (f.divisionPath() != null) {
            w.and("division_path like :division", "division", escape(f.divisionPath()) + "%");
        }
        if (f.industry() != null && !f.industry().isBlank()) {
            w.and("industry = :industry", "industry", f.industry().strip());
        }
        if (f.state() != null) {
            w.and("state = :state", "state", f.state().name());
        }
        if (f.grade() != null) {
            w.and("grade = :grade", "grade", f.grade().name());
        }
        if (f.card() != null) {
            w.and("card = :card", "card", f.card().name());
        }
        if (f.supervised() != null) {
            w.and("supervised = :supervised", "supervised", f.supervised());
        }
        if (f.q() != null && !f.q().isBlank()) {
            w.and(
                    "(number ilike :q or title ilike :q or address ilike :q or enterprise_name ilike :q)",
                    "q",
                    "%" + escape(f.q().strip()) + "%");
        }
        return w;
    }

    // ---- photos and steps ------------------------------------------------------------------------------------

    void insertPhoto(UUID id, UUID hazardId, String type, byte[] content, String sha256, String by, Instant at) {
        jdbc.sql("""
                        insert into hazard.photos (id, hazard_id, content_type, size_bytes, sha256, content,
                                                   uploaded_by, uploaded_at)
                        values (:id, :h, :type, :size, :sha, :content, :by, :at)""")
                .param("id", id)
                .param("h", hazardId)
                .param("type", type)
                .param("size", content.length)
                .param("sha", sha256)
                .param("content", content)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .update();
    }

    Optional<Map.Entry<String, byte[]>> photo(UUID hazardId, UUID photoId) {
        return jdbc.sql("select content_type, content from hazard.photos where id = :id and hazard_id = :h")
                .param("id", photoId)
                .param("h", hazardId)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getBytes(2)))
                .optional();
    }

    /** The photo sent with the report (the first photo not bound to a later step). */
    Optional<UUID> reportPhoto(UUID hazardId) {
        return jdbc.sql("""
                        select p.id from hazard.photos p where p.hazard_id = :h
                           and not exists (select 1 from hazard.steps s where s.photo_id = p.id)
                         order by p.uploaded_at, p.id limit 1""").param("h", hazardId).query(UUID.class).optional();
    }

    void insertStep(
            UUID hazardId,
            String path,
            Instant at,
            String action,
            HazardState from,
            HazardState to,
            String actor,
            @Nullable UUID actorUser,
            @Nullable String note,
            @Nullable Double lon,
            @Nullable Double lat,
            @Nullable UUID photoId) {
        jdbc.sql("""
                        insert into hazard.steps (id, hazard_id, at, action, from_state, to_state, actor, actor_user,
                                                  note, lon, lat, photo_id, division_path)
                        values (:id, :h, :at, :action, :from, :to, :actor, :actorUser, :note, :lon, :lat, :photo,
                                :path)""")
                .param("id", Uuids.timeOrdered())
                .param("h", hazardId)
                .param("at", Timestamp.from(at))
                .param("action", action)
                .param("from", from.name())
                .param("to", to.name())
                .param("actor", actor)
                .param("actorUser", actorUser)
                .param("note", note)
                .param("lon", lon)
                .param("lat", lat)
                .param("photo", photoId)
                .param("path", path)
                .update();
    }

    List<HazardStep> steps(UUID hazardId) {
        return jdbc.sql("""
                        select at, action, from_state, to_state, actor, note, lon, lat, photo_id
                          from hazard.steps where hazard_id = :h order by at, id""")
                .param("h", hazardId)
                .query((rs, n) -> new HazardStep(
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("action"),
                        HazardState.valueOf(rs.getString("from_state")),
                        HazardState.valueOf(rs.getString("to_state")),
                        rs.getString("actor"),
                        rs.getString("note"),
                        (Double) rs.getObject("lon"),
                        (Double) rs.getObject("lat"),
                        rs.getObject("photo_id", UUID.class)))
                .list();
    }

    // ---- updates ---------------------------------------------------------------------------------------------

    /** Generic column update of a locked row; bumps the version. */
    void update(UUID id, Instant at, Map<String, @Nullable Object> columns) {
        StringBuilder sql = new StringBuilder("update hazard.hazards set updated_at = :at, version = version + 1");
        for (String c : columns.keySet()) {
            sql.append(", ").append(c).append(" = :").append(c);
        }
        JdbcClient.StatementSpec spec =
                jdbc.sql(sql + " where id = :id").param("id", id).param("at", Timestamp.from(at));
        for (Map.Entry<String, @Nullable Object> e : columns.entrySet()) {
            Object v = e.getValue();
            if (v instanceof Instant i) {
                v = Timestamp.from(i);
            } else if (v instanceof LocalDate d) {
                v = Date.valueOf(d);
            } else if (v instanceof Enum<?> en) {
                v = en.name();
            }
            spec = spec.param(e.getKey(), v);
        }
        spec.update();
    }

    /** A hazard the sweep carded: id, number, path, deadline. */
    record Carded(UUID id, String number, String path, LocalDate deadline, HazardState state) {}

    /** Red cards for rows past their deadline that do not have one yet. */
    List<Carded> cardRed(Instant now) {
        return jdbc.sql("""
                        update hazard.hazards set card = 'RED', card_at = :now, version = version + 1,
                               updated_at = :now
                         where state in ('ASSIGNED', 'RECTIFYING') and deadline_at <= :now and card <> 'RED'
                        returning id, number, division_path, deadline, state""")
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Carded(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getDate(4).toLocalDate(),
                        HazardState.valueOf(rs.getString(5))))
                .list();
    }

    /** Yellow cards for rows due within the horizon that have no card yet. */
    List<Carded> cardYellow(Instant now, Instant horizon) {
        return jdbc.sql("""
                        update hazard.hazards set card = 'YELLOW', card_at = :now, version = version + 1,
                               updated_at = :now
                         where state in ('ASSIGNED', 'RECTIFYING') and deadline_at > :now
                           and deadline_at <= :horizon and card = 'NONE'
                        returning id, number, division_path, deadline, state""")
                .param("now", Timestamp.from(now))
                .param("horizon", Timestamp.from(horizon))
                .query((rs, n) -> new Carded(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getDate(4).toLocalDate(),
                        HazardState.valueOf(rs.getString(5))))
                .list();
    }

    @Nullable
    UUID rectifiedByUser(UUID id) {
        return jdbc
                .sql("select rectified_by_user from hazard.hazards where id = :id")
                .param("id", id)
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, UUID.class)))
                .list()
                .stream()
                .flatMap(Optional::stream)
                .findFirst()
                .orElse(null);
    }

    // ---- mapping ---------------------------------------------------------------------------------------------

    static Hazard hazard(ResultSet rs, int n) throws SQLException {
        Date deadline = rs.getDate("deadline");
        return new Hazard(
                new HazardId(rs.getObject("id", UUID.class)),
                rs.getString("number"),
                rs.getString("title"),
                rs.getString("description"),
                HazardGrade.valueOf(rs.getString("grade")),
                rs.getString("industry"),
                HazardSource.valueOf(rs.getString("source")),
                HazardState.valueOf(rs.getString("state")),
                rs.getString("division_path"),
                rs.getString("grid_code"),
                (Double) rs.getObject("lon"),
                (Double) rs.getObject("lat"),
                rs.getString("address"),
                rs.getObject("enterprise_id", UUID.class),
                rs.getString("enterprise_name"),
                rs.getString("reported_by"),
                rs.getTimestamp("reported_at").toInstant(),
                rs.getString("responsible"),
                rs.getString("measures"),
                (BigDecimal) rs.getObject("funds"),
                deadline == null ? null : deadline.toLocalDate(),
                rs.getString("contingency_plan"),
                rs.getString("rectified_by"),
                rs.getString("accepted_by"),
                rs.getObject("merged_into", UUID.class),
                rs.getString("reason"),
                rs.getBoolean("supervised"),
                rs.getString("supervising_path"),
                HazardCard.valueOf(rs.getString("card")),
                rs.getString("escalated_path"),
                rs.getInt("version"));
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static final class Where {
        private final StringBuilder sql = new StringBuilder(" where ");
        private final Map<String, @Nullable Object> params = new LinkedHashMap<>();

        Where(Scope scope) {
            String inScope = PathScope.predicate("division_path", scope.patterns(), "scope", params);
            if (scope.enterprise() == null) {
                sql.append(inScope);
            } else {
                sql.append("(").append(inScope).append(" or enterprise_id = cast(:ent as uuid))");
                params.put("ent", scope.enterprise());
            }
        }

        void and(String condition, String name, Object value) {
            sql.append(" and ").append(condition);
            params.put(name, value);
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
            JdbcClient.StatementSpec s = spec;
            for (Map.Entry<String, @Nullable Object> e : params.entrySet()) {
                s = s.param(e.getKey(), e.getValue());
            }
            return s;
        }

        @Override
        public String toString() {
            return sql.toString();
        }
    }

    static List<String> list(List<String> l) {
        return new ArrayList<>(l);
    }
}
