package cn.yingji.callout.internal;

import cn.yingji.callout.CalloutPolicy;
import cn.yingji.callout.CampaignClosed;
import cn.yingji.callout.CampaignId;
import cn.yingji.callout.Campaigns;
import cn.yingji.callout.PolicyTier;
import cn.yingji.callout.StartCampaign;
import cn.yingji.callout.internal.CallListResolver.Entry;
import cn.yingji.directory.PersonId;
import cn.yingji.directory.PositionId;
import cn.yingji.identity.AuditTrail;
import cn.yingji.identity.CurrentUser;
import cn.yingji.monitoring.WarningId;
import cn.yingji.monitoring.WarningLevel;
import cn.yingji.notify.Channel;
import cn.yingji.notify.Notifications;
import cn.yingji.notify.Outgoing;
import cn.yingji.shared.ConflictException;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NotFoundException;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 叫应 engine: starts campaigns (call list → first attempts → durable timers), fires due timers (call again or
 * escalate), takes answers (received / on post / cannot), and closes a campaign when no call is open.
 *
 * <p>Timers are rows of {@code callout.due}. {@link #fireDue} claims due rows with {@code FOR UPDATE SKIP LOCKED}
 * and marks them fired in the same transaction as the action they trigger, so each fires exactly once whatever the
 * number of nodes, and a crash before commit leaves it pending for the next run.
 */
@Service
class CampaignEngine implements Campaigns {

    static final String SOURCE = "callout";
    private static final int MAX_CHAIN = 8;

    /** An answer. */
    enum Action {
        RECEIVED,
        ON_POST,
        CANNOT
    }

    /** A call as stored. */
    record CallRow(
            UUID id,
            UUID campaign,
            String tier,
            int tierIndex,
            @Nullable UUID position,
            String positionName,
            String kind,
            String divisionPath,
            @Nullable UUID person,
            @Nullable String personName,
            String state,
            List<Channel> channels,
            int attempts,
            @Nullable UUID parent,
            String reason) {}

    /** A campaign as stored. */
    record CampaignRow(
            UUID id,
            @Nullable UUID warning,
            WarningLevel level,
            String title,
            String message,
            String divisionPath,
            boolean drill,
            String state,
            CalloutPolicy policy,
            Instant startedAt) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final PolicyService policies;
    private final CallListResolver resolver;
    private final Notifications notifications;
    private final AnswerLinks links;
    private final CalloutClock clock;
    private final AuditTrail audit;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final CampaignStream stream;
    private final String node;
    private volatile @Nullable LongConsumer latenessProbe;
    /** Policies of campaigns, parsed once per campaign and level (a campaign's policy changes only with its level). */
    private final Map<String, CalloutPolicy> policyCache = new java.util.concurrent.ConcurrentHashMap<>();

    CampaignEngine(
            JdbcClient jdbc,
            JdbcTemplate template,
            PolicyService policies,
            CallListResolver resolver,
            Notifications notifications,
            AnswerLinks links,
            CalloutClock clock,
            AuditTrail audit,
            CurrentUser currentUser,
            ApplicationEventPublisher events,
            CampaignStream stream,
            @Value("${yingji.callout.node:}") String node) {
        this.jdbc = jdbc;
        this.template = template;
        this.policies = policies;
        this.resolver = resolver;
        this.notifications = notifications;
        this.links = links;
        this.clock = clock;
        this.audit = audit;
        this.currentUser = currentUser;
        this.events = events;
        this.stream = stream;
        this.node = node.isBlank() ? "node-" + UUID.randomUUID().toString().substring(0, 8) : node;
    }

    String node() {
        return node;
    }

    /** Receives the lateness (ms) of every fired timer (benchmarks). */
    void latenessProbe(@Nullable LongConsumer probe) {
        this.latenessProbe = probe;
    }

    // ---- start ---------------------------------------------------------------------------------------------------

    /** Resolves the call list for a preview (nothing is stored). */
    List<Entry> preview(WarningLevel level, List<String> area) {
        CalloutPolicy policy = policies.policy(level)
                .orElseThrow(() -> InvalidInputException.field("level", "callout.campaign.noPolicy", level.name()));
        checkArea(area);
        return resolver.resolve(policy, area);
    }

    private void checkArea(List<String> area) {
        if (area.isEmpty()) {
            throw InvalidInputException.field("divisions", "callout.campaign.noArea");
        }
        if (currentUser.get().isPresent()) {
            for (String p : area) {
                currentUser.requireCapture(p, "division", p);
            }
        }
    }

    @Override
    @Transactional
    public CampaignId start(StartCampaign request) {
        CalloutPolicy policy = policies.policy(request.level())
                .orElseThrow(() -> InvalidInputException.field(
                        "level", "callout.campaign.noPolicy", request.level().name()));
        if (request.message().isBlank()) {
            throw InvalidInputException.field("message", "callout.campaign.noMessage");
        }
        checkArea(request.divisionPaths());
        if (request.warning() != null) {
            Optional<CampaignId> existing = forWarning(request.warning());
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        List<Entry> entries = resolver.resolve(policy, request.divisionPaths());
        return startWith(request, policy, entries);
    }

    /** Starts a campaign with a given call list (also used by the load scenario). */
    @Transactional
    CampaignId startWith(StartCampaign request, CalloutPolicy policy, List<Entry> entries) {
        Instant now = clock.now();
        UUID id = UUID.randomUUID();
        String top = common(request.divisionPaths());
        String by = currentUser.get().map(a -> a.username()).orElse("system");
        int inserted = jdbc.sql("""
                        insert into callout.campaign (id, warning_id, level, title, message, division_path, division_paths,
                            drill, state, policy, started_by, started_at)
                        values (:id, :w, :level, :title, :message, :path, :paths, :drill, 'OPEN', cast(:policy as jsonb),
                            :by, :now)
                        on conflict (warning_id) do nothing
                        """)
                .param("id", id)
                .param("w", request.warning() == null ? null : request.warning().value())
                .param("level", request.level().name())
                .param("title", request.title())
                .param("message", request.message())
                .param("path", top)
                .param("paths", request.divisionPaths().toArray(String[]::new))
                .param("drill", request.drill())
                .param("policy", policies.write(policy))
                .param("by", by)
                .param("now", Timestamp.from(now))
                .update();
        if (inserted == 0 && request.warning() != null) {
            // another node or thread started this warning's campaign meanwhile
            return forWarning(request.warning()).orElseThrow();
        }
        CampaignRow campaign = new CampaignRow(
                id,
                request.warning() == null ? null : request.warning().value(),
                request.level(),
                request.title(),
                request.message(),
                top,
                request.drill(),
                "OPEN",
                policy,
                now);
        List<NewCall> calls = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            calls.add(new NewCall(UUID.randomUUID(), e, null, "FIRST"));
        }
        place(campaign, calls, now, 0);
        audit.record(
                "start",
                "callout.campaign",
                id.toString(),
                top,
                null,
                Map.of(
                        "level", request.level().name(),
                        "title", request.title(),
                        "drill", request.drill(),
                        "area", request.divisionPaths(),
                        "calls", entries.size()));
        closeIfDone(id, now);
        stream.changed(id);
        return new CampaignId(id);
    }

    private static String common(List<String> paths) {
        String c = paths.get(0);
        for (String p : paths) {
            while (!p.startsWith(c)) {
                c = c.substring(0, c.lastIndexOf('/', c.length() - 2) + 1);
            }
        }
        return c.isEmpty() ? "/" : c;
    }

    @Override
    public Optional<CampaignId> forWarning(WarningId warning) {
        return jdbc.sql("select id from callout.campaign where warning_id = :w")
                .param("w", warning.value())
                .query(UUID.class)
                .optional()
                .map(CampaignId::new);
    }

    /**
     * Closes the open campaign of a cancelled warning: pending timers cancelled, calls still ringing cancelled, the
     * campaign closed and {@link CampaignClosed} published. Returns false when the warning has no open campaign.
     */
    @Transactional
    boolean closeForWarning(WarningId warning) {
        Optional<UUID> open = jdbc.sql(
                        "select id from callout.campaign where warning_id = :w and state = 'OPEN' for update")
                .param("w", warning.value())
                .query(UUID.class)
                .optional();
        open.ifPresent(c -> {
            close(c, clock.now());
            stream.changed(c);
        });
        return open.isPresent();
    }

    /**
     * A warning's level was raised: the open campaign takes the new level's policy and calls the tiers that policy
     * adds over the (updated) area, without calling again anyone — person or position — already called in it.
     * Returns how many calls were added (0 when there is no open campaign, the level is not higher or has no policy).
     */
    @Transactional
    int raiseLevel(WarningId warning, WarningLevel level, List<String> area) {
        Optional<UUID> open = jdbc.sql(
                        "select id from callout.campaign where warning_id = :w and state = 'OPEN' for update")
                .param("w", warning.value())
                .query(UUID.class)
                .optional();
        if (open.isEmpty() || area.isEmpty()) {
            return 0;
        }
        UUID id = open.get();
        CampaignRow before = campaign(id);
        Optional<CalloutPolicy> raised = policies.policy(level);
        if (level.compareTo(before.level()) <= 0 || raised.isEmpty()) {
            return 0;
        }
        CalloutPolicy next = raised.get();
        Instant now = clock.now();
        java.util.Set<String> had = new java.util.HashSet<>();
        before.policy().tiers().forEach(t -> had.add(t.key()));
        for (int i = 0; i < next.tiers().size(); i++) {
            jdbc.sql("update callout.call set tier_index = :i where campaign_id = :c and tier_key = :k")
                    .param("i", i)
                    .param("c", id)
                    .param("k", next.tiers().get(i).key())
                    .update();
        }
        jdbc.sql("update callout.campaign set level = :l, policy = cast(:p as jsonb) where id = :c")
                .param("l", level.name())
                .param("p", policies.write(next))
                .param("c", id)
                .update();
        java.util.Set<UUID> persons = new java.util.HashSet<>();
        java.util.Set<UUID> positions = new java.util.HashSet<>();
        jdbc.sql("select person_id, position_id from callout.call where campaign_id = :c")
                .param("c", id)
                .query(rs -> {
                    UUID person = rs.getObject(1, UUID.class);
                    UUID position = rs.getObject(2, UUID.class);
                    if (person != null) {
                        persons.add(person);
                    }
                    if (position != null) {
                        positions.add(position);
                    }
                });
        List<NewCall> calls = new ArrayList<>();
        for (Entry e : resolver.resolve(next, area)) {
            boolean called = (e.person() != null && persons.contains(e.person().value()))
                    || (e.position() != null && positions.contains(e.position().value()));
            if (had.contains(e.tier()) || called) {
                continue;
            }
            if (e.person() != null) {
                persons.add(e.person().value());
            }
            calls.add(new NewCall(UUID.randomUUID(), e, null, "FIRST"));
        }
        place(campaign(id), calls, now, 0);
        audit.record(
                "raise",
                "callout.campaign",
                id.toString(),
                before.divisionPath(),
                Map.of("level", before.level().name()),
                Map.of("level", level.name(), "calls", calls.size(), "area", area));
        closeIfDone(id, now);
        stream.changed(id);
        return calls.size();
    }

    private record NewCall(UUID id, Entry entry, @Nullable UUID parent, String reason) {}

    /**
     * Stores calls, sends the first attempt of each reachable one with its timer, and escalates vacant and
     * unreachable ones at once (down to {@link #MAX_CHAIN} levels of escalation in one go).
     */
    private void place(CampaignRow campaign, List<NewCall> calls, Instant now, int chain) {
        if (calls.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(calls.size());
        List<Outgoing> out = new ArrayList<>();
        List<Object[]> dues = new ArrayList<>();
        List<Object[]> history = new ArrayList<>();
        List<NewCall> dead = new ArrayList<>();
        for (NewCall c : calls) {
            Entry e = c.entry();
            String state = e.vacant() ? "VACANT" : e.channels().isEmpty() ? "NO_CHANNEL" : "CALLING";
            rows.add(new Object[] {
                c.id(),
                campaign.id(),
                e.tier(),
                e.tierIndex(),
                e.position() == null ? null : e.position().value(),
                e.positionName(),
                e.kind(),
                e.divisionPath(),
                e.person() == null ? null : e.person().value(),
                e.personName(),
                state,
                e.channels().stream().map(Enum::name).toArray(String[]::new),
                state.equals("CALLING") ? 1 : 0,
                c.parent(),
                c.reason(),
                Timestamp.from(now)
            });
            if (state.equals("CALLING")) {
                Channel ch = e.channels().get(0);
                out.add(outgoing(campaign, c.id(), e, ch, c.parent() != null, now));
                dues.add(new Object[] {
                    c.id(),
                    campaign.policy().retries() > 0 ? "RETRY" : "ESCALATE",
                    Timestamp.from(now.plus(campaign.policy().answerTimeout()))
                });
                history.add(new Object[] {c.id(), Timestamp.from(now), "CALL", "1 " + ch.name()});
            } else {
                history.add(new Object[] {c.id(), Timestamp.from(now), state, null});
                dead.add(c);
            }
        }
        template.batchUpdate("""
                insert into callout.call (id, campaign_id, tier_key, tier_index, position_id, position_name, position_kind,
                    division_path, person_id, person_name, state, channels, attempts, parent_call, reason, created_at,
                    updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                Object[] r = rows.get(i);
                for (int k = 0; k < r.length; k++) {
                    if (k == 11) {
                        Array a = ps.getConnection().createArrayOf("text", (Object[]) r[k]);
                        ps.setArray(k + 1, a);
                    } else {
                        ps.setObject(k + 1, r[k]);
                    }
                }
                ps.setObject(17, r[15]);
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
        template.batchUpdate(
                "insert into callout.due (call_id, kind, due_at, state) values (?, ?, ?, 'PENDING')", dues);
        template.batchUpdate("insert into callout.call_event (call_id, at, kind, detail) values (?, ?, ?, ?)", history);
        notifications.send(out);
        if (!dead.isEmpty()) {
            List<NewCall> next = new ArrayList<>();
            for (NewCall c : dead) {
                markEscalated(c.id(), now);
                boolean desk = c.entry().tier().equals(PolicyTier.DUTY_OFFICER);
                Optional<Entry> up = chain < MAX_CHAIN && !desk
                        ? resolver.superior(
                                campaign.policy(),
                                c.entry().tierIndex(),
                                c.entry().divisionPath(),
                                now)
                        : Optional.empty();
                if (up.isPresent()) {
                    next.add(new NewCall(UUID.randomUUID(), up.get(), c.id(), reasonFor(up.get())));
                    event(c.id(), now, "ESCALATED", up.get().positionName());
                } else {
                    event(c.id(), now, "NO_SUPERIOR", null);
                }
            }
            place(campaign, next, now, chain + 1);
        }
    }

    private static String reasonFor(Entry e) {
        return e.kind().equals(PolicyTier.DUTY_OFFICER) ? "DUTY_OFFICER" : "SUPERIOR";
    }

    private Outgoing outgoing(CampaignRow c, UUID call, Entry e, Channel ch, boolean escalation, Instant now) {
        return outgoing(c, call, e.person(), e.personName(), e.divisionPath(), e.positionName(), ch, escalation, now);
    }

    private Outgoing outgoing(
            CampaignRow c,
            UUID call,
            @Nullable PersonId person,
            @Nullable String name,
            String divisionPath,
            String positionName,
            Channel ch,
            boolean escalation,
            Instant now) {
        String prefix = c.drill() ? "【演练】" : "";
        String subject = prefix + "【叫应】" + c.title();
        String body = prefix + "【叫应】" + positionName + (name == null ? "" : " " + name) + "：" + c.message()
                + (escalation ? "（下级未应答，请督促落实）" : "")
                + " 回复1=收到，2=已到岗，3=无法到岗。";
        return new Outgoing(
                person == null ? new PersonId(new UUID(0, 0)) : person,
                name == null ? "" : name,
                divisionPath,
                ch,
                subject,
                body,
                links.link(call, now),
                SOURCE,
                call.toString());
    }

    // ---- timers --------------------------------------------------------------------------------------------------

    /**
     * Fires up to {@code limit} due timers in one transaction: claims them (skipping rows another node holds),
     * marks them fired and runs their action. Returns how many fired.
     */
    @Transactional
    int fireDue(int limit) {
        Instant now = clock.now();
        record Due(long id, UUID call, String kind, Instant dueAt) {}
        List<Due> due = jdbc.sql("""
                        with claimed as (
                            select id from callout.due where state = 'PENDING' and due_at <= :now
                            order by due_at limit :limit for update skip locked)
                        update callout.due d set state = 'FIRED', fired_at = :now, fired_by = :node
                        from claimed where d.id = claimed.id
                        returning d.id, d.call_id, d.kind, d.due_at
                        """)
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .param("node", node)
                .query((rs, n) -> new Due(
                        rs.getLong(1),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
        LongConsumer probe = latenessProbe;
        Map<UUID, CampaignRow> campaigns = new LinkedHashMap<>();
        for (Due d : due) {
            CallRow call = lockCall(d.call());
            if (probe != null) {
                probe.accept(java.time.Duration.between(d.dueAt(), java.time.Instant.now())
                        .toMillis());
            }
            if (d.kind().startsWith("ONPOST")) {
                if (call.state().equals("ANSWERED")) {
                    onPostOverdue(campaigns.computeIfAbsent(call.campaign(), this::campaign), call, d.kind(), now);
                }
                continue;
            }
            if (!call.state().equals("CALLING")) {
                continue;
            }
            CampaignRow campaign = campaigns.computeIfAbsent(call.campaign(), this::campaign);
            if (d.kind().equals("RETRY")) {
                int attempt = call.attempts() + 1;
                Channel ch = call.channels().get((attempt - 1) % call.channels().size());
                jdbc.sql("update callout.call set attempts = :a, updated_at = :now where id = :id")
                        .param("a", attempt)
                        .param("now", Timestamp.from(now))
                        .param("id", call.id())
                        .update();
                String kind = attempt <= campaign.policy().retries() ? "RETRY" : "ESCALATE";
                jdbc.sql("insert into callout.due (call_id, kind, due_at, state) values (:c, :k, :at, 'PENDING')")
                        .param("c", call.id())
                        .param("k", kind)
                        .param("at", Timestamp.from(now.plus(campaign.policy().answerTimeout())))
                        .update();
                event(call.id(), now, "CALL", attempt + " " + ch.name());
                notifications.send(List.of(outgoing(
                        campaign,
                        call.id(),
                        call.person() == null ? null : new PersonId(call.person()),
                        call.personName(),
                        call.divisionPath(),
                        call.positionName(),
                        ch,
                        call.parent() != null,
                        now)));
            } else {
                jdbc.sql("update callout.call set state = 'UNANSWERED', updated_at = :now where id = :id")
                        .param("now", Timestamp.from(now))
                        .param("id", call.id())
                        .update();
                event(call.id(), now, "UNANSWERED", null);
                escalate(campaign, call, false, now);
            }
        }
        for (UUID c : campaigns.keySet()) {
            closeIfDone(c, now);
            stream.changed(c);
        }
        return due.size();
    }

    /**
     * "Received" but not "on post" in time: the first time the person is reminded (on their first channel) and
     * watched once more; the second time their superior is called.
     */
    private void onPostOverdue(CampaignRow campaign, CallRow call, String kind, Instant now) {
        if (kind.equals("ONPOST_REMIND")) {
            Channel ch =
                    call.channels().isEmpty() ? Channel.IN_APP : call.channels().get(0);
            Outgoing o = outgoing(
                    campaign,
                    call.id(),
                    call.person() == null ? null : new PersonId(call.person()),
                    call.personName(),
                    call.divisionPath(),
                    call.positionName(),
                    ch,
                    false,
                    now);
            String prefix = campaign.drill() ? "【演练】" : "";
            notifications.send(List.of(new Outgoing(
                    o.person(),
                    o.personName(),
                    o.divisionPath(),
                    o.channel(),
                    prefix + "【到岗提醒】" + campaign.title(),
                    prefix + "【到岗提醒】" + call.positionName() + (call.personName() == null ? "" : " " + call.personName())
                            + "：您已回复收到，但尚未到岗，请立即到岗并回复2。",
                    o.link(),
                    o.source(),
                    o.correlation())));
            event(call.id(), now, "ONPOST_REMINDED", ch.name());
            campaign.policy()
                    .onPostTimeout()
                    .ifPresent(t -> template.update(
                            "insert into callout.due (call_id, kind, due_at, state) values (?, 'ONPOST_ESCALATE', ?, 'PENDING')",
                            call.id(),
                            Timestamp.from(now.plus(t))));
        } else {
            event(call.id(), now, "NOT_ON_POST", null);
            escalate(campaign, call, false, now);
        }
    }

    /** Escalates a call: to the deputy when the holder cannot come, otherwise to the superior. */
    private void escalate(CampaignRow campaign, CallRow call, boolean cannot, Instant now) {
        markEscalated(call.id(), now);
        Optional<Entry> next = Optional.empty();
        String reason = "SUPERIOR";
        if (cannot && call.position() != null && call.person() != null) {
            next = resolver.deputy(
                    campaign.policy(), call.tierIndex(), new PositionId(call.position()), new PersonId(call.person()));
            reason = "DEPUTY";
        }
        if (next.isEmpty()) {
            int tierIndex = call.tier().equals(PolicyTier.DUTY_OFFICER) ? -1 : call.tierIndex();
            next = tierIndex < 0
                    ? Optional.empty()
                    : resolver.superior(campaign.policy(), tierIndex, call.divisionPath(), now);
            if (next.isPresent()) {
                reason = reasonFor(next.get());
            }
        }
        if (next.isEmpty()) {
            event(call.id(), now, "NO_SUPERIOR", null);
            return;
        }
        event(call.id(), now, "ESCALATED", next.get().positionName());
        place(campaign, List.of(new NewCall(UUID.randomUUID(), next.get(), call.id(), reason)), now, 1);
    }

    private void markEscalated(UUID call, Instant now) {
        jdbc.sql("update callout.call set escalated = true, updated_at = :now where id = :id")
                .param("now", Timestamp.from(now))
                .param("id", call)
                .update();
    }

    // ---- answers -------------------------------------------------------------------------------------------------

    /**
     * Records an answer and stops further calls to that person for this call at once.
     *
     * @param expected the person answering, when known (signed-in user); a different person is refused
     * @param via how the answer came (LINK, APP, SMS, VOICE, API)
     */
    @Transactional
    CallRow answer(UUID callId, Action action, @Nullable String location, @Nullable UUID expected, String via) {
        Instant now = clock.now();
        CallRow call = lockCall(callId);
        if (expected != null && !expected.equals(call.person())) {
            throw new InvalidInputException("callout.answer.notYours");
        }
        CampaignRow campaign = campaign(call.campaign());
        if (campaign.state().equals("CLOSED")) {
            throw new ConflictException("callout.campaign.closed");
        }
        String from = call.state();
        String to = transition(from, action);
        AnswerRequest parsed = request(callId, action, location, expected, via, false);
        String loc = parsed.location();
        Double lon = parsed.lon();
        Double lat = parsed.lat();
        jdbc.sql("""
                        update callout.call set state = :to, answered_at = coalesce(answered_at, :now),
                            reached_at = coalesce(reached_at, :now),
                            on_post_at = case when :to = 'ON_POST' then :now else on_post_at end,
                            location = coalesce(:loc, location), lon = coalesce(:lon, lon), lat = coalesce(:lat, lat),
                            updated_at = :now
                        where id = :id
                        """)
                .param("to", to)
                .param("now", Timestamp.from(now))
                .param("loc", loc)
                .param("lon", lon)
                .param("lat", lat)
                .param("id", callId)
                .update();
        cancelTimers(callId);
        if (to.equals("ANSWERED")) {
            campaign.policy()
                    .onPostTimeout()
                    .ifPresent(t -> template.update(
                            "insert into callout.due (call_id, kind, due_at, state) values (?, 'ONPOST_REMIND', ?, 'PENDING')",
                            callId,
                            Timestamp.from(now.plus(t))));
        }
        event(callId, now, to, via + (loc == null ? "" : " @" + loc));
        audit.record(
                "answer",
                "callout.call",
                callId.toString(),
                call.divisionPath(),
                Map.of("state", from),
                Map.of("state", to, "via", via));
        if (action == Action.CANNOT) {
            escalate(campaign, call, true, now);
        }
        closeIfDone(call.campaign(), now);
        stream.changed(call.campaign());
        return lockCall(callId);
    }

    /** An answer as queued for the absorber: checked and parsed in the caller's thread. */
    record AnswerRequest(
            UUID call,
            Action action,
            @Nullable String location,
            @Nullable Double lon,
            @Nullable Double lat,
            @Nullable UUID expected,
            String via,
            boolean link) {}

    /** Checks an answer's location cheaply (length, optional "lon,lat") before it is queued or applied. */
    static AnswerRequest request(
            UUID call, Action action, @Nullable String location, @Nullable UUID expected, String via, boolean link) {
        String loc = location == null || location.isBlank() ? null : location.strip();
        if (loc != null && loc.length() > 200) {
            throw InvalidInputException.field("location", "callout.answer.location");
        }
        Double lon = null;
        Double lat = null;
        if (loc != null && loc.matches("-?\\d{1,3}(\\.\\d+)?\\s*,\\s*-?\\d{1,2}(\\.\\d+)?")) {
            String[] parts = loc.split(",");
            lon = Double.parseDouble(parts[0].strip());
            lat = Double.parseDouble(parts[1].strip());
        }
        return new AnswerRequest(call, action, loc, lon, lat, expected, via, link);
    }

    /** Applies one queued answer on its own (the absorber's fallback when a batch fails as a whole). */
    @Transactional
    CallRow answerOne(AnswerRequest r) {
        if (r.link()) {
            useLink(r.call(), r.action(), clock.now());
        }
        return answer(r.call(), r.action(), r.location(), r.expected(), r.via());
    }

    /** A call's pending change inside a batch. */
    private static final class Change {
        final CallRow before;
        String state;
        boolean touched;
        boolean onPost;

        @Nullable
        String location;

        @Nullable
        Double lon;

        @Nullable
        Double lat;

        Change(CallRow before) {
            this.before = before;
            this.state = before.state();
        }
    }

    /**
     * Applies a batch of answers in one transaction, set-based: locks the calls (in id order), decides each answer
     * in order against the state left by the answers before it (a refused answer changes nothing and gets the same
     * error as {@link #answer}), then one {@code UPDATE … FROM unnest(…)} for the calls, one statement cancelling
     * their timers, one for the used links, one batch of history rows and one audit entry per district naming the
     * calls. Returns, per request and in order, the call after the answer ({@link CallRow}) or the refusal ({@link
     * cn.yingji.shared.DomainException}).
     */
    @Transactional
    List<Object> absorb(List<AnswerRequest> batch) {
        Instant now = clock.now();
        Timestamp ts = Timestamp.from(now);
        UUID[] ids = batch.stream().map(AnswerRequest::call).distinct().toArray(UUID[]::new);
        Map<UUID, Change> changes = new java.util.HashMap<>();
        Map<UUID, String> campaignStates = new java.util.HashMap<>();
        template.query("""
                select c.*, k.state as campaign_state from callout.call c
                join callout.campaign k on k.id = c.campaign_id
                where c.id = any(?) order by c.id for update of c
                """, ps -> ps.setArray(1, ps.getConnection().createArrayOf("uuid", ids)), (ResultSet rs) -> {
            CallRow row = mapCall(rs, 0);
            changes.put(row.id(), new Change(row));
            campaignStates.put(row.campaign(), rs.getString("campaign_state"));
        });
        java.util.Set<String> usedLinks = new java.util.HashSet<>();
        if (batch.stream().anyMatch(AnswerRequest::link)) {
            template.query(
                    "select call_id, action from callout.link_use where call_id = any(?)",
                    ps -> ps.setArray(1, ps.getConnection().createArrayOf("uuid", ids)),
                    (ResultSet rs) -> {
                        usedLinks.add(rs.getObject(1, UUID.class) + ":" + rs.getString(2));
                    });
        }
        List<Object> results = new ArrayList<>(batch.size());
        List<Object[]> history = new ArrayList<>();
        List<Object[]> linkUses = new ArrayList<>();
        Map<String, List<Map<String, Object>>> auditByPath = new LinkedHashMap<>();
        List<CallRow> cannot = new ArrayList<>();
        java.util.Set<UUID> campaignsTouched = new java.util.LinkedHashSet<>();
        for (AnswerRequest r : batch) {
            try {
                Change ch = changes.get(r.call());
                if (ch == null) {
                    throw new NotFoundException("call", r.call());
                }
                String key = r.call() + ":" + r.action().name();
                if (r.link() && usedLinks.contains(key)) {
                    throw new InvalidInputException("callout.link.used");
                }
                if (r.expected() != null && !r.expected().equals(ch.before.person())) {
                    throw new InvalidInputException("callout.answer.notYours");
                }
                if ("CLOSED".equals(campaignStates.get(ch.before.campaign()))) {
                    throw new ConflictException("callout.campaign.closed");
                }
                String from = ch.state;
                String to = transition(from, r.action());
                ch.state = to;
                ch.touched = true;
                if (r.action() == Action.ON_POST) {
                    ch.onPost = true;
                }
                if (r.location() != null) {
                    ch.location = r.location();
                }
                if (r.lon() != null) {
                    ch.lon = r.lon();
                    ch.lat = r.lat();
                }
                if (r.link()) {
                    usedLinks.add(key);
                    linkUses.add(new Object[] {r.call(), r.action().name(), ts});
                }
                history.add(
                        new Object[] {r.call(), ts, to, r.via() + (r.location() == null ? "" : " @" + r.location())});
                auditByPath
                        .computeIfAbsent(ch.before.divisionPath(), k -> new ArrayList<>())
                        .add(Map.of("call", r.call().toString(), "from", from, "to", to, "via", r.via()));
                if (r.action() == Action.CANNOT) {
                    cannot.add(ch.before);
                }
                campaignsTouched.add(ch.before.campaign());
                CallRow b = ch.before;
                results.add(new CallRow(
                        b.id(),
                        b.campaign(),
                        b.tier(),
                        b.tierIndex(),
                        b.position(),
                        b.positionName(),
                        b.kind(),
                        b.divisionPath(),
                        b.person(),
                        b.personName(),
                        to,
                        b.channels(),
                        b.attempts(),
                        b.parent(),
                        b.reason()));
            } catch (cn.yingji.shared.DomainException e) {
                results.add(e);
            }
        }
        List<Change> touched = changes.values().stream().filter(c -> c.touched).toList();
        if (!touched.isEmpty()) {
            UUID[] tIds = touched.stream().map(c -> c.before.id()).toArray(UUID[]::new);
            String[] states = touched.stream().map(c -> c.state).toArray(String[]::new);
            Boolean[] onPost = touched.stream().map(c -> c.onPost).toArray(Boolean[]::new);
            String[] locs = touched.stream().map(c -> c.location).toArray(String[]::new);
            Double[] lons = touched.stream().map(c -> c.lon).toArray(Double[]::new);
            Double[] lats = touched.stream().map(c -> c.lat).toArray(Double[]::new);
            template.update("""
                    update callout.call c set state = u.state,
                        answered_at = coalesce(c.answered_at, ?), reached_at = coalesce(c.reached_at, ?),
                        on_post_at = case when u.on_post then ? else c.on_post_at end,
                        location = coalesce(u.loc, c.location), lon = coalesce(u.lon, c.lon),
                        lat = coalesce(u.lat, c.lat), updated_at = ?
                    from unnest(?::uuid[], ?::text[], ?::boolean[], ?::text[], ?::float8[], ?::float8[])
                        as u(id, state, on_post, loc, lon, lat)
                    where c.id = u.id
                    """, ps -> {
                java.sql.Connection con = ps.getConnection();
                ps.setTimestamp(1, ts);
                ps.setTimestamp(2, ts);
                ps.setTimestamp(3, ts);
                ps.setTimestamp(4, ts);
                ps.setArray(5, con.createArrayOf("uuid", tIds));
                ps.setArray(6, con.createArrayOf("text", states));
                ps.setArray(7, con.createArrayOf("bool", onPost));
                ps.setArray(8, con.createArrayOf("text", locs));
                ps.setArray(9, con.createArrayOf("float8", lons));
                ps.setArray(10, con.createArrayOf("float8", lats));
            });
            template.update(
                    "update callout.due set state = 'CANCELLED' where call_id = any(?) and state = 'PENDING'",
                    ps -> ps.setArray(1, ps.getConnection().createArrayOf("uuid", tIds)));
            List<Object[]> watch = new ArrayList<>();
            Map<UUID, CampaignRow> byId = new java.util.HashMap<>();
            for (Change c : touched) {
                if (c.state.equals("ANSWERED")) {
                    CampaignRow k = byId.computeIfAbsent(c.before.campaign(), this::campaign);
                    k.policy()
                            .onPostTimeout()
                            .ifPresent(t -> watch.add(new Object[] {c.before.id(), Timestamp.from(now.plus(t))}));
                }
            }
            if (!watch.isEmpty()) {
                template.batchUpdate(
                        "insert into callout.due (call_id, kind, due_at, state) values (?, 'ONPOST_REMIND', ?, 'PENDING')",
                        watch);
            }
            if (!linkUses.isEmpty()) {
                template.batchUpdate(
                        "insert into callout.link_use (call_id, action, used_at) values (?, ?, ?)", linkUses);
            }
            template.update("""
                    insert into callout.call_event (call_id, at, kind, detail)
                    select u.c, ?, u.k, u.d from unnest(?::uuid[], ?::text[], ?::text[]) with ordinality as u(c, k, d, n)
                    order by u.n
                    """, ps -> {
                java.sql.Connection con = ps.getConnection();
                ps.setTimestamp(1, ts);
                ps.setArray(
                        2,
                        con.createArrayOf(
                                "uuid", history.stream().map(h -> h[0]).toArray()));
                ps.setArray(
                        3,
                        con.createArrayOf(
                                "text", history.stream().map(h -> h[2]).toArray()));
                ps.setArray(
                        4,
                        con.createArrayOf(
                                "text", history.stream().map(h -> h[3]).toArray()));
            });
            auditByPath.forEach((path, answers) -> {
                if (answers.size() == 1) {
                    Map<String, Object> a = answers.get(0);
                    audit.record(
                            "answer",
                            "callout.call",
                            (String) a.get("call"),
                            path,
                            Map.of("state", a.get("from")),
                            Map.of("state", a.get("to"), "via", a.get("via")));
                } else {
                    audit.record(
                            "answer",
                            "callout.call.batch",
                            UUID.randomUUID().toString(),
                            path,
                            null,
                            Map.of("count", answers.size(), "answers", answers));
                }
            });
            for (CallRow c : cannot) {
                escalate(campaign(c.campaign()), c, true, now);
            }
            for (UUID c : campaignsTouched) {
                closeIfDone(c, now);
                stream.changed(c);
            }
        }
        return results;
    }

    /** The state an answer moves a call to, or the refusal when the call is past that. */
    private static String transition(String from, Action action) {
        boolean open = from.equals("CALLING") || from.equals("UNANSWERED");
        switch (action) {
            case RECEIVED -> {
                if (!open) {
                    throw new ConflictException("callout.answer.state", from);
                }
                return "ANSWERED";
            }
            case ON_POST -> {
                if (!open && !from.equals("ANSWERED")) {
                    throw new ConflictException("callout.answer.state", from);
                }
                return "ON_POST";
            }
            default -> {
                if (!open && !from.equals("ANSWERED")) {
                    throw new ConflictException("callout.answer.state", from);
                }
                return "CANNOT";
            }
        }
    }

    private void useLink(UUID call, Action action, Instant now) {
        int used = jdbc.sql("""
                        insert into callout.link_use (call_id, action, used_at) values (:c, :a, :now)
                        on conflict do nothing
                        """)
                .param("c", call)
                .param("a", action.name())
                .param("now", Timestamp.from(now))
                .update();
        if (used == 0) {
            throw new InvalidInputException("callout.link.used");
        }
    }

    /** Answers through a signed link: verifies it, takes the action once, then answers. */
    @Transactional
    CallRow answerByLink(String token, Action action, @Nullable String location) {
        Instant now = clock.now();
        UUID call = links.verify(token, now);
        useLink(call, action, now);
        return answer(call, action, location, null, "LINK");
    }

    /** A delivery receipt for an attempt of a call: reached, or a failure that brings the next attempt forward. */
    @Transactional
    void receipt(UUID callId, Channel channel, boolean delivered, @Nullable String error, Instant at) {
        Instant now = clock.now();
        if (delivered) {
            int n = jdbc.sql("""
                            update callout.call set reached_at = coalesce(reached_at, :now), updated_at = :now
                            where id = :id
                            """)
                    .param("now", Timestamp.from(now))
                    .param("id", callId)
                    .update();
            if (n > 0) {
                event(callId, now, "DELIVERED", channel.name());
            }
        } else {
            int n = jdbc.sql("""
                            update callout.due set due_at = :now
                            where call_id = :id and state = 'PENDING' and kind = 'RETRY' and due_at > :now
                            """)
                    .param("now", Timestamp.from(now))
                    .param("id", callId)
                    .update();
            event(callId, now, "FAILED", channel.name() + (error == null ? "" : " " + error) + (n > 0 ? " →" : ""));
        }
        jdbc.sql("select campaign_id from callout.call where id = :id")
                .param("id", callId)
                .query(UUID.class)
                .optional()
                .ifPresent(stream::changed);
    }

    private void cancelTimers(UUID call) {
        jdbc.sql("update callout.due set state = 'CANCELLED' where call_id = :id and state = 'PENDING'")
                .param("id", call)
                .update();
    }

    // ---- closing -------------------------------------------------------------------------------------------------

    /** Closes the campaign when no call is still being called or waiting for "on post". */
    private void closeIfDone(UUID campaign, Instant now) {
        Boolean open = jdbc.sql("""
                        select exists (select 1 from callout.call
                                       where campaign_id = :c and state in ('CALLING', 'ANSWERED'))
                        """).param("c", campaign).query(Boolean.class).single();
        if (!open) {
            close(campaign, now);
        }
    }

    /** Closes a campaign (idempotent) and publishes {@link CampaignClosed}; open calls are cancelled. */
    @Transactional
    void close(UUID campaign, Instant now) {
        int n = jdbc.sql("""
                        update callout.campaign set state = 'CLOSED', closed_at = :now where id = :c and state = 'OPEN'
                        """)
                .param("now", Timestamp.from(now))
                .param("c", campaign)
                .update();
        if (n == 0) {
            return;
        }
        jdbc.sql("""
                        update callout.due set state = 'CANCELLED'
                        where state = 'PENDING' and call_id in (select id from callout.call where campaign_id = :c)
                        """).param("c", campaign).update();
        jdbc.sql(
                        "update callout.call set state = 'CANCELLED', updated_at = :now where campaign_id = :c and state = 'CALLING'")
                .param("now", Timestamp.from(now))
                .param("c", campaign)
                .update();
        CampaignRow c = campaign(campaign);
        CampaignClosed closed = jdbc.sql("""
                        select count(*) filter (where reason = 'FIRST'),
                               count(distinct person_id) filter (where reached_at is not null),
                               count(distinct person_id) filter (where answered_at is not null),
                               count(distinct person_id) filter (where on_post_at is not null),
                               count(*) filter (where escalated),
                               count(*) filter (where reached_at is null and answered_at is null)
                        from callout.call where campaign_id = :c
                        """)
                .param("c", campaign)
                .query((rs, i) -> new CampaignClosed(
                        new CampaignId(campaign),
                        c.warning() == null ? null : new WarningId(c.warning()),
                        c.divisionPath(),
                        c.drill(),
                        rs.getInt(1),
                        rs.getInt(2),
                        rs.getInt(3),
                        rs.getInt(4),
                        rs.getInt(5),
                        rs.getInt(6),
                        c.startedAt(),
                        now))
                .single();
        audit.record("close", "callout.campaign", campaign.toString(), c.divisionPath(), null, closed);
        events.publishEvent(closed);
    }

    // ---- reads ---------------------------------------------------------------------------------------------------

    private void event(UUID call, Instant at, String kind, @Nullable String detail) {
        jdbc.sql("insert into callout.call_event (call_id, at, kind, detail) values (:c, :at, :k, :d)")
                .param("c", call)
                .param("at", Timestamp.from(at))
                .param("k", kind)
                .param("d", detail)
                .update();
    }

    /** A call as the board shows it, unscoped (the caller has checked it may see it). */
    CampaignQueries.CallView view(UUID id) {
        return jdbc.sql("select * from callout.call where id = :id")
                .param("id", id)
                .query(CampaignQueries::call)
                .single();
    }

    /** A call without locking it (pages). */
    CallRow lockCallReadOnly(UUID id) {
        return jdbc.sql("select * from callout.call where id = :id")
                .param("id", id)
                .query(CampaignEngine::mapCall)
                .optional()
                .orElseThrow(() -> new NotFoundException("call", id));
    }

    CampaignRow campaignReadOnly(UUID id) {
        return campaign(id);
    }

    CallRow lockCall(UUID id) {
        return jdbc.sql("select * from callout.call where id = :id for update")
                .param("id", id)
                .query(CampaignEngine::mapCall)
                .optional()
                .orElseThrow(() -> new NotFoundException("call", id));
    }

    CampaignRow campaign(UUID id) {
        return jdbc.sql("""
                        select id, warning_id, level, title, message, division_path, drill, state, policy::text, started_at
                        from callout.campaign where id = :id
                        """)
                .param("id", id)
                .query((rs, n) -> {
                    WarningLevel level = WarningLevel.valueOf(rs.getString(3));
                    return new CampaignRow(
                            rs.getObject(1, UUID.class),
                            rs.getObject(2, UUID.class),
                            level,
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getBoolean(7),
                            rs.getString(8),
                            policyCache.computeIfAbsent(
                                    rs.getObject(1, UUID.class) + ":" + level,
                                    k -> policies.parse(level, policyText(rs))),
                            rs.getTimestamp(10).toInstant());
                })
                .optional()
                .orElseThrow(() -> new NotFoundException("campaign", id));
    }

    private static String policyText(ResultSet rs) {
        try {
            return rs.getString(9);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static CallRow mapCall(ResultSet rs, int n) throws SQLException {
        List<Channel> channels = new ArrayList<>();
        for (String s : (String[]) rs.getArray("channels").getArray()) {
            channels.add(Channel.valueOf(s));
        }
        return new CallRow(
                rs.getObject("id", UUID.class),
                rs.getObject("campaign_id", UUID.class),
                rs.getString("tier_key"),
                rs.getInt("tier_index"),
                rs.getObject("position_id", UUID.class),
                rs.getString("position_name"),
                rs.getString("position_kind"),
                rs.getString("division_path"),
                rs.getObject("person_id", UUID.class),
                rs.getString("person_name"),
                rs.getString("state"),
                channels,
                rs.getInt("attempts"),
                rs.getObject("parent_call", UUID.class),
                rs.getString("reason"));
    }
}
