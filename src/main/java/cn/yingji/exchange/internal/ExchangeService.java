package cn.yingji.exchange.internal;

import cn.yingji.exchange.ExchangeAdministration;
import cn.yingji.exchange.SharedResource;
import cn.yingji.exchange.WebhookEvent;
import cn.yingji.identity.AuditTrail;
import cn.yingji.identity.CurrentUser;
import cn.yingji.identity.DivisionLookup;
import cn.yingji.identity.Role;
import cn.yingji.shared.ConflictException;
import cn.yingji.shared.DomainException.FieldError;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NotFoundException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Administration of API clients and webhook subscriptions: administrators only, every write audited. */
@Service
class ExchangeService implements ExchangeAdministration {

    static final int MAX_DELIVERIES_SHOWN = 200;

    private final JdbcExchangeStore store;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final DivisionLookup divisions;
    private final TokenBuckets buckets;

    ExchangeService(
            JdbcExchangeStore store,
            CurrentUser currentUser,
            AuditTrail audit,
            DivisionLookup divisions,
            TokenBuckets buckets) {
        this.store = store;
        this.currentUser = currentUser;
        this.audit = audit;
        this.divisions = divisions;
        this.buckets = buckets;
    }

    /** 403 unless an administrator (or the system, outside a request). */
    void requireAdmin() {
        currentUser.get().ifPresent(a -> {
            if (!a.has(Role.ADMIN)) {
                throw new AccessDeniedException("exchange administration needs an administrator");
            }
        });
    }

    private String actor() {
        return currentUser.get().map(CurrentUser.Account::username).orElse("system");
    }

    @Override
    @Transactional
    public IssuedKey createClient(NewApiClient c) {
        requireAdmin();
        List<FieldError> errors = new ArrayList<>();
        if (c.department().isBlank() || c.department().length() > 100) {
            errors.add(new FieldError("department", "exchange.error.required"));
        }
        if (c.name().isBlank() || c.name().length() > 100) {
            errors.add(new FieldError("name", "exchange.error.required"));
        }
        if (c.scopes().isEmpty()) {
            errors.add(new FieldError("scopes", "exchange.error.scopes"));
        }
        if (c.ratePerMinute() < 1 || c.ratePerMinute() > 100_000) {
            errors.add(new FieldError("ratePerMinute", "exchange.error.rate"));
        }
        List<String> paths = paths(c.divisionCodes(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("error.validation", errors);
        }
        ApiKeys.Key key = ApiKeys.generate();
        UUID id = UUID.randomUUID();
        store.insertClient(new JdbcExchangeStore.ClientRow(
                id,
                c.department().strip(),
                c.name().strip(),
                key.prefix(),
                key.hash(),
                c.scopes(),
                paths,
                c.ratePerMinute(),
                true,
                Instant.now(),
                actor(),
                null,
                null));
        audit.record(
                "create",
                "exchange.client",
                id.toString(),
                null,
                null,
                view(store.client(id).orElseThrow()));
        return new IssuedKey(id, key.key());
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Optional<UUID> findClient(String department, String name) {
        requireAdmin();
        return store.clients().stream()
                .filter(c -> c.active()
                        && c.department().equals(department)
                        && c.name().equals(name))
                .map(JdbcExchangeStore.ClientRow::id)
                .findFirst();
    }

    @Override
    @Transactional
    public IssuedKey rotateKey(UUID clientId) {
        requireAdmin();
        var before = store.client(clientId).orElseThrow(() -> new NotFoundException("client", clientId));
        if (!before.active()) {
            throw new ConflictException("exchange.error.revoked");
        }
        ApiKeys.Key key = ApiKeys.generate();
        store.rotateKey(clientId, key.prefix(), key.hash());
        audit.record(
                "rotate-key",
                "exchange.client",
                clientId.toString(),
                null,
                view(before),
                view(store.client(clientId).orElseThrow()));
        return new IssuedKey(clientId, key.key());
    }

    @Override
    @Transactional
    public void revoke(UUID clientId) {
        requireAdmin();
        var before = store.client(clientId).orElseThrow(() -> new NotFoundException("client", clientId));
        if (!before.active()) {
            return;
        }
        store.revoke(clientId);
        buckets.forget(clientId);
        audit.record(
                "revoke",
                "exchange.client",
                clientId.toString(),
                null,
                view(before),
                view(store.client(clientId).orElseThrow()));
    }

    @Override
    @Transactional
    public UUID subscribe(NewSubscription s) {
        requireAdmin();
        List<FieldError> errors = new ArrayList<>();
        if (s.name().isBlank() || s.name().length() > 100) {
            errors.add(new FieldError("name", "exchange.error.required"));
        }
        if (!validUrl(s.url())) {
            errors.add(new FieldError("url", "exchange.error.url"));
        }
        if (s.secret().length() < 16 || s.secret().length() > 200) {
            errors.add(new FieldError("secret", "exchange.error.secret"));
        }
        if (s.events().isEmpty()) {
            errors.add(new FieldError("events", "exchange.error.events"));
        }
        List<String> paths = List.of();
        if (s.clientId() != null) {
            var client = store.client(s.clientId());
            if (client.isEmpty()) {
                errors.add(new FieldError("clientId", "exchange.error.client"));
            } else {
                if (!client.get().active()) {
                    errors.add(new FieldError("clientId", "exchange.error.revoked"));
                }
                for (WebhookEvent e : s.events()) {
                    if (!client.get().scopes().contains(e.resource())) {
                        errors.add(new FieldError("events", "exchange.error.eventScope", e.code()));
                    }
                }
                paths = client.get().jurisdiction();
            }
        } else {
            paths = paths(s.divisionCodes(), errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("error.validation", errors);
        }
        UUID id = UUID.randomUUID();
        var row = new JdbcExchangeStore.SubscriptionRow(
                id,
                s.clientId(),
                s.name().strip(),
                s.url().strip(),
                s.secret(),
                s.events().stream().map(WebhookEvent::code).sorted().toList(),
                paths,
                true,
                Instant.now(),
                actor());
        store.insertSubscription(row);
        audit.record("create", "exchange.subscription", id.toString(), null, null, view(row));
        return id;
    }

    @Transactional
    public void deactivate(UUID subscription) {
        requireAdmin();
        var before =
                store.subscription(subscription).orElseThrow(() -> new NotFoundException("subscription", subscription));
        store.deactivateSubscription(subscription);
        audit.record(
                "deactivate",
                "exchange.subscription",
                subscription.toString(),
                null,
                view(before),
                view(store.subscription(subscription).orElseThrow()));
    }

    @Transactional
    public void redeliver(UUID delivery) {
        requireAdmin();
        var before = store.delivery(delivery).orElseThrow(() -> new NotFoundException("delivery", delivery));
        if (!store.redeliver(delivery)) {
            throw new ConflictException("exchange.error.notDead");
        }
        audit.record(
                "redeliver",
                "exchange.delivery",
                delivery.toString(),
                before.divisionPath(),
                Map.of("state", before.state(), "attempts", before.attempts()),
                Map.of("state", "PENDING"));
    }

    // ---- reads (administrators)

    @Transactional(readOnly = true)
    public List<JdbcExchangeStore.ClientRow> clients() {
        requireAdmin();
        return store.clients();
    }

    @Transactional(readOnly = true)
    public JdbcExchangeStore.ClientRow client(UUID id) {
        requireAdmin();
        return store.client(id).orElseThrow(() -> new NotFoundException("client", id));
    }

    @Transactional(readOnly = true)
    public List<JdbcExchangeStore.Usage> usage(UUID id) {
        client(id);
        return store.usage(id, 100);
    }

    @Transactional(readOnly = true)
    public List<JdbcExchangeStore.UsageSummary> usageSummary() {
        requireAdmin();
        return store.usageSummary();
    }

    @Transactional(readOnly = true)
    public List<JdbcExchangeStore.ResourceCount> changeCounts() {
        requireAdmin();
        return store.changeCounts();
    }

    @Transactional(readOnly = true)
    public List<JdbcExchangeStore.SubscriptionRow> subscriptions() {
        requireAdmin();
        return store.subscriptions();
    }

    @Transactional(readOnly = true)
    public JdbcExchangeStore.SubscriptionRow subscription(UUID id) {
        requireAdmin();
        return store.subscription(id).orElseThrow(() -> new NotFoundException("subscription", id));
    }

    @Transactional(readOnly = true)
    public List<JdbcExchangeStore.DeliveryRow> deliveries(String state) {
        requireAdmin();
        if (!List.of("PENDING", "DELIVERED", "DEAD").contains(state)) {
            throw InvalidInputException.field("state", "exchange.error.state");
        }
        return store.deliveriesInState(state, MAX_DELIVERIES_SHOWN);
    }

    @Transactional(readOnly = true)
    public List<JdbcExchangeStore.DeliveryRow> deliveriesOf(UUID subscription) {
        subscription(subscription);
        return store.deliveriesOf(subscription, MAX_DELIVERIES_SHOWN);
    }

    @Transactional(readOnly = true)
    public JdbcExchangeStore.DeliveryRow delivery(UUID id) {
        requireAdmin();
        return store.delivery(id).orElseThrow(() -> new NotFoundException("delivery", id));
    }

    @Transactional(readOnly = true)
    public List<JdbcExchangeStore.AttemptRow> attempts(UUID delivery) {
        delivery(delivery);
        return store.attempts(delivery);
    }

    private List<String> paths(List<String> codes, List<FieldError> errors) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String code : codes) {
            if (code == null || code.isBlank()) {
                continue;
            }
            var path = divisions.pathOf(code.strip());
            if (path.isEmpty()) {
                errors.add(new FieldError("divisionCodes", "exchange.error.division", code.strip()));
            } else {
                out.add(path.get());
            }
        }
        if (out.isEmpty() && errors.stream().noneMatch(e -> e.field().equals("divisionCodes"))) {
            errors.add(new FieldError("divisionCodes", "exchange.error.jurisdiction"));
        }
        return List.copyOf(out);
    }

    private static boolean validUrl(String url) {
        try {
            URI u = URI.create(url.strip());
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** What the audit trail keeps of a client: never the key or its hash. */
    static Map<String, Object> view(JdbcExchangeStore.ClientRow c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("department", c.department());
        m.put("name", c.name());
        m.put("keyPrefix", c.keyPrefix());
        m.put("scopes", c.scopes().stream().map(Enum::name).sorted().toList());
        m.put("jurisdiction", c.jurisdiction());
        m.put("ratePerMinute", c.ratePerMinute());
        m.put("active", c.active());
        return m;
    }

    /** What the audit trail keeps of a subscription: never the secret. */
    static Map<String, Object> view(JdbcExchangeStore.SubscriptionRow s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("clientId", s.clientId() == null ? "" : s.clientId().toString());
        m.put("name", s.name());
        m.put("url", s.url());
        m.put("eventTypes", s.eventTypes());
        m.put("jurisdiction", s.jurisdiction());
        m.put("active", s.active());
        return m;
    }

    static List<SharedResource> allResources() {
        return List.of(SharedResource.values());
    }
}
