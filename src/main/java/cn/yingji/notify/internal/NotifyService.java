package cn.yingji.notify.internal;

import cn.yingji.directory.ChannelType;
import cn.yingji.directory.ContactChannel;
import cn.yingji.directory.Directory;
import cn.yingji.directory.PersonId;
import cn.yingji.identity.AuditTrail;
import cn.yingji.notify.Channel;
import cn.yingji.notify.GatewayCallbacks;
import cn.yingji.notify.NotificationId;
import cn.yingji.notify.NotificationReceipt;
import cn.yingji.notify.NotificationReply;
import cn.yingji.notify.Notifications;
import cn.yingji.notify.Outgoing;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.db.AfterTransaction;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores attempts, receipts and preferences, and hands attempts to their channels after commit. */
@Service
class NotifyService implements Notifications, GatewayCallbacks {

    /** Order used when a person has stored no preference. */
    static final List<Channel> DEFAULT_ORDER = List.of(Channel.VOICE, Channel.SMS, Channel.EMAIL, Channel.IN_APP);

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Directory directory;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final ChannelDispatcher dispatcher;
    private volatile Clock clock = Clock.systemUTC();

    NotifyService(
            JdbcClient jdbc,
            JdbcTemplate template,
            Directory directory,
            AuditTrail audit,
            ApplicationEventPublisher events,
            ChannelDispatcher dispatcher) {
        this.jdbc = jdbc;
        this.template = template;
        this.directory = directory;
        this.audit = audit;
        this.events = events;
        this.dispatcher = dispatcher;
    }

    /** Replaces the clock (tests only). */
    void use(Clock replacement) {
        this.clock = replacement;
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** A stored attempt ready for its channel. */
    record Attempt(
            NotificationId id,
            PersonId person,
            Channel channel,
            @Nullable String address,
            String subject,
            String body,
            @Nullable String link) {}

    @Override
    @Transactional
    public List<NotificationId> send(List<Outgoing> messages) {
        if (messages.isEmpty()) {
            return List.of();
        }
        Instant now = now();
        List<NotificationId> ids = new ArrayList<>(messages.size());
        List<Attempt> ready = new ArrayList<>(messages.size());
        List<Object[]> rows = new ArrayList<>(messages.size());
        for (Outgoing m : messages) {
            NotificationId id = new NotificationId(UUID.randomUUID());
            ids.add(id);
            rows.add(new Object[] {
                id.value(),
                m.person().value(),
                m.personName(),
                m.divisionPath(),
                m.channel().name(),
                m.subject(),
                m.body(),
                m.link(),
                m.source(),
                m.correlation(),
                Timestamp.from(now)
            });
            ready.add(new Attempt(id, m.person(), m.channel(), null, m.subject(), m.body(), m.link()));
        }
        template.batchUpdate("""
                insert into notify.message (id, person_id, person_name, division_path, channel, subject, body,
                    link, source, correlation, state, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?)
                """, rows);
        // Addresses are looked up and the attempts handed over after the commit, off the sender's transaction.
        AfterTransaction.commitOrNow(() -> dispatcher.dispatch(ready));
        return ids;
    }

    /**
     * The addresses of attempts on their channels (null where the person has none), looked up in the directory in
     * one read-only transaction (one connection for the whole chunk).
     */
    @Transactional(readOnly = true)
    List<Attempt> withAddresses(List<Attempt> attempts) {
        Map<PersonId, List<ContactChannel>> cache = directory.contactChannels(attempts.stream()
                .filter(a -> a.channel() != Channel.IN_APP)
                .map(Attempt::person)
                .distinct()
                .toList());
        List<Attempt> out = new ArrayList<>(attempts.size());
        for (Attempt a : attempts) {
            List<ContactChannel> cs =
                    a.channel() == Channel.IN_APP ? List.of() : cache.getOrDefault(a.person(), List.of());
            out.add(new Attempt(
                    a.id(),
                    a.person(),
                    a.channel(),
                    address(a.channel(), a.person(), cs),
                    a.subject(),
                    a.body(),
                    a.link()));
        }
        return out;
    }

    /** Marks attempts as handed to their channel with the address used (one statement). */
    void markSent(List<Attempt> attempts) {
        if (attempts.isEmpty()) {
            return;
        }
        UUID[] ids = attempts.stream().map(a -> a.id().value()).toArray(UUID[]::new);
        String[] addresses = attempts.stream().map(Attempt::address).toArray(String[]::new);
        Timestamp now = Timestamp.from(now());
        template.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    update notify.message m set state = 'SENT', sent_at = ?, address = v.address
                    from unnest(?::uuid[], ?::text[]) as v(id, address)
                    where m.id = v.id and m.state = 'QUEUED'
                    """);
            ps.setTimestamp(1, now);
            Array a = con.createArrayOf("uuid", ids);
            ps.setArray(2, a);
            Array b = con.createArrayOf("text", addresses);
            ps.setArray(3, b);
            return ps;
        });
    }

    @Override
    @Transactional
    public void receipt(NotificationId id, boolean delivered, @Nullable String error) {
        Instant now = now();
        Optional<Row> row = jdbc.sql(delivered ? """
                                update notify.message set state = case when state = 'REPLIED' then state else 'DELIVERED' end,
                                    delivered_at = :now where id = :id and state <> 'FAILED'
                                returning source, correlation, channel
                                """ : """
                                update notify.message set state = 'FAILED', failed_at = :now, error = :error
                                where id = :id and state in ('QUEUED', 'SENT')
                                returning source, correlation, channel
                                """)
                .param("now", Timestamp.from(now))
                .param("id", id.value())
                .param("error", error == null ? "failed" : error)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), Channel.valueOf(rs.getString(3))))
                .optional();
        if (row.isEmpty()) {
            return;
        }
        insertReceipt(id, delivered ? "DELIVERED" : "FAILED", error, now);
        events.publishEvent(new NotificationReceipt(
                id, row.get().source(), row.get().correlation(), row.get().channel(), delivered, error, now));
    }

    @Override
    @Transactional
    public void reply(NotificationId id, String text, @Nullable String location) {
        Instant now = now();
        Optional<Row> row = jdbc.sql("""
                        update notify.message set state = 'REPLIED', replied_at = :now, reply = :text,
                            delivered_at = coalesce(delivered_at, :now)
                        where id = :id returning source, correlation, channel
                        """)
                .param("now", Timestamp.from(now))
                .param("id", id.value())
                .param("text", text)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), Channel.valueOf(rs.getString(3))))
                .optional();
        if (row.isEmpty()) {
            return;
        }
        insertReceipt(id, "REPLY", location == null ? text : text + " @" + location, now);
        events.publishEvent(new NotificationReply(
                id, row.get().source(), row.get().correlation(), row.get().channel(), text, location, now));
    }

    private record Row(String source, String correlation, Channel channel) {}

    private void insertReceipt(NotificationId id, String kind, @Nullable String detail, Instant at) {
        jdbc.sql("insert into notify.receipt (message_id, kind, detail, at) values (:id, :kind, :detail, :at)")
                .param("id", id.value())
                .param("kind", kind)
                .param("detail", detail)
                .param("at", Timestamp.from(at))
                .update();
    }

    @Override
    public Map<PersonId, List<Channel>> reachable(Collection<PersonId> persons) {
        Map<PersonId, List<ContactChannel>> contacts = contacts(persons);
        Map<PersonId, List<Channel>> stored = storedPreferences(persons);
        Map<PersonId, List<Channel>> out = new LinkedHashMap<>();
        for (PersonId p : persons) {
            List<ContactChannel> cs = contacts.getOrDefault(p, List.of());
            List<Channel> order = stored.getOrDefault(p, defaultOrder(cs));
            List<Channel> reachable = new ArrayList<>();
            for (Channel c : order) {
                if (address(c, p, cs) != null) {
                    reachable.add(c);
                }
            }
            if (!reachable.isEmpty()) {
                out.put(p, List.copyOf(reachable));
            }
        }
        return out;
    }

    @Override
    public List<Channel> preferences(PersonId person) {
        return storedPreferences(List.of(person)).getOrDefault(person, defaultOrder(directory.contactChannels(person)));
    }

    @Override
    @Transactional
    public void setPreferences(PersonId person, List<Channel> channels) {
        if (channels.isEmpty()) {
            throw InvalidInputException.field("channels", "notify.preference.empty");
        }
        if (new LinkedHashSet<>(channels).size() != channels.size()) {
            throw InvalidInputException.field("channels", "notify.preference.duplicate");
        }
        var p = directory
                .findPerson(person)
                .orElseThrow(() -> new cn.yingji.shared.NotFoundException("person", person));
        List<Channel> before = storedPreferences(List.of(person)).get(person);
        jdbc.sql("""
                        insert into notify.preference (person_id, channels, updated_at) values (:p, :c, :now)
                        on conflict (person_id) do update set channels = excluded.channels, updated_at = excluded.updated_at
                        """)
                .param("p", person.value())
                .param("c", channels.stream().map(Enum::name).toArray(String[]::new))
                .param("now", Timestamp.from(now()))
                .update();
        audit.record("update", "notify.preference", person.toString(), p.divisionPath(), before, channels);
    }

    private Map<PersonId, List<Channel>> storedPreferences(Collection<PersonId> persons) {
        if (persons.isEmpty()) {
            return Map.of();
        }
        Map<PersonId, List<Channel>> out = new HashMap<>();
        jdbc.sql("select person_id, channels from notify.preference where person_id = any(:ids)")
                .param("ids", persons.stream().map(PersonId::value).toArray(UUID[]::new))
                .query(rs -> {
                    String[] cs = (String[]) rs.getArray(2).getArray();
                    List<Channel> list = new ArrayList<>();
                    for (String c : cs) {
                        list.add(Channel.valueOf(c));
                    }
                    out.put(new PersonId(rs.getObject(1, UUID.class)), List.copyOf(list));
                });
        return out;
    }

    static List<Channel> defaultOrder(List<ContactChannel> contacts) {
        EnumSet<Channel> seen = EnumSet.noneOf(Channel.class);
        List<Channel> out = new ArrayList<>();
        for (ContactChannel c : contacts) {
            switch (c.type()) {
                case MOBILE -> {
                    add(out, seen, Channel.VOICE);
                    add(out, seen, Channel.SMS);
                }
                case LANDLINE -> add(out, seen, Channel.VOICE);
                case EMAIL -> add(out, seen, Channel.EMAIL);
                default -> {}
            }
        }
        for (Channel c : DEFAULT_ORDER) {
            add(out, seen, c);
        }
        return out;
    }

    private static void add(List<Channel> out, Set<Channel> seen, Channel c) {
        if (seen.add(c)) {
            out.add(c);
        }
    }

    /** The address of a person on a channel, or null when there is none. In-app always reaches (the inbox). */
    static @Nullable String address(Channel channel, PersonId person, List<ContactChannel> contacts) {
        for (ContactChannel c : contacts) {
            boolean fits = switch (channel) {
                case SMS -> c.type() == ChannelType.MOBILE;
                case VOICE -> c.type() == ChannelType.MOBILE || c.type() == ChannelType.LANDLINE;
                case EMAIL -> c.type() == ChannelType.EMAIL;
                case IN_APP -> false;
            };
            if (fits) {
                return c.value();
            }
        }
        return channel == Channel.IN_APP ? "person:" + person.value() : null;
    }

    @Override
    public List<cn.yingji.notify.Attempt> attempts(String source, String correlation) {
        return jdbc.sql("""
                        select id, channel, address, state, error, reply, created_at, delivered_at from notify.message
                        where correlation = :c and source = :s order by created_at, id
                        """)
                .param("c", correlation)
                .param("s", source)
                .query((rs, n) -> new cn.yingji.notify.Attempt(
                        new NotificationId(rs.getObject(1, UUID.class)),
                        Channel.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant(),
                        rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant()))
                .list();
    }

    /** Contact channels of the persons, through the directory facade. */
    private Map<PersonId, List<ContactChannel>> contacts(Collection<PersonId> persons) {
        Map<PersonId, List<ContactChannel>> found = directory.contactChannels(persons);
        Map<PersonId, List<ContactChannel>> out = new HashMap<>();
        for (PersonId p : persons) {
            out.put(p, found.getOrDefault(p, List.of()));
        }
        return out;
    }
}
