package cn.yingji.exchange.internal;

import cn.yingji.exchange.ExchangeAdministration.IssuedKey;
import cn.yingji.exchange.ExchangeAdministration.NewApiClient;
import cn.yingji.exchange.ExchangeAdministration.NewSubscription;
import cn.yingji.exchange.SharedResource;
import cn.yingji.exchange.WebhookEvent;
import cn.yingji.shared.InvalidInputException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Administration of the exchange over REST ({@code /api/v1/exchange}); administrators only. */
@RestController
@RequestMapping("/api/v1/exchange")
class ExchangeApiController {

    private final ExchangeService service;

    ExchangeApiController(ExchangeService service) {
        this.service = service;
    }

    record ClientRequest(
            @Nullable String department,
            @Nullable String name,
            @Nullable List<String> scopes,
            @Nullable List<String> divisionCodes,
            @Nullable Integer ratePerMinute) {}

    record ClientView(
            UUID id,
            String department,
            String name,
            String keyPrefix,
            List<String> scopes,
            List<String> jurisdiction,
            int ratePerMinute,
            boolean active) {
        static ClientView of(JdbcExchangeStore.ClientRow c) {
            return new ClientView(
                    c.id(),
                    c.department(),
                    c.name(),
                    c.keyPrefix(),
                    c.scopes().stream().map(SharedResource::slug).sorted().toList(),
                    c.jurisdiction(),
                    c.ratePerMinute(),
                    c.active());
        }
    }

    @GetMapping("/clients")
    List<ClientView> clients() {
        return service.clients().stream().map(ClientView::of).toList();
    }

    @GetMapping("/clients/{id}")
    Map<String, Object> client(@PathVariable UUID id) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("client", ClientView.of(service.client(id)));
        m.put("usage", service.usage(id));
        return m;
    }

    @PostMapping("/clients")
    @ResponseStatus(HttpStatus.CREATED)
    IssuedKey create(@RequestBody ClientRequest r) {
        return service.createClient(new NewApiClient(
                nz(r.department()),
                nz(r.name()),
                resources(r.scopes()),
                r.divisionCodes() == null ? List.of() : r.divisionCodes(),
                r.ratePerMinute() == null ? 600 : r.ratePerMinute()));
    }

    @PostMapping("/clients/{id}/rotate")
    IssuedKey rotate(@PathVariable UUID id) {
        return service.rotateKey(id);
    }

    @PostMapping("/clients/{id}/revoke")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable UUID id) {
        service.revoke(id);
    }

    record SubscriptionRequest(
            @Nullable UUID clientId,
            @Nullable String name,
            @Nullable String url,
            @Nullable String secret,
            @Nullable List<String> events,
            @Nullable List<String> divisionCodes) {}

    @GetMapping("/subscriptions")
    List<Map<String, Object>> subscriptions() {
        return service.subscriptions().stream().map(ExchangeService::view).toList();
    }

    @PostMapping("/subscriptions")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> subscribe(@RequestBody SubscriptionRequest r) {
        UUID id = service.subscribe(new NewSubscription(
                r.clientId(),
                nz(r.name()),
                nz(r.url()),
                nz(r.secret()),
                events(r.events()),
                r.divisionCodes() == null ? List.of() : r.divisionCodes()));
        return Map.of("id", id);
    }

    @PostMapping("/subscriptions/{id}/deactivate")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deactivate(@PathVariable UUID id) {
        service.deactivate(id);
    }

    @GetMapping("/subscriptions/{id}/deliveries")
    List<JdbcExchangeStore.DeliveryRow> deliveriesOf(@PathVariable UUID id) {
        return service.deliveriesOf(id);
    }

    /** The delivery log by state; {@code DEAD} is the dead-letter list. */
    @GetMapping("/deliveries")
    List<JdbcExchangeStore.DeliveryRow> deliveries(@RequestParam(defaultValue = "DEAD") String state) {
        return service.deliveries(state);
    }

    @GetMapping("/deliveries/{id}/attempts")
    List<JdbcExchangeStore.AttemptRow> attempts(@PathVariable UUID id) {
        return service.attempts(id);
    }

    @PostMapping("/deliveries/{id}/redeliver")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void redeliver(@PathVariable UUID id) {
        service.redeliver(id);
    }

    static Set<SharedResource> resources(@Nullable List<String> scopes) {
        Set<SharedResource> out = EnumSet.noneOf(SharedResource.class);
        if (scopes != null) {
            for (String s : scopes) {
                out.add(SharedResource.ofSlug(s.strip().toLowerCase(java.util.Locale.ROOT))
                        .orElseThrow(() -> InvalidInputException.field("scopes", "exchange.error.scope", s)));
            }
        }
        return out;
    }

    static Set<WebhookEvent> events(@Nullable List<String> codes) {
        Set<WebhookEvent> out = EnumSet.noneOf(WebhookEvent.class);
        if (codes != null) {
            for (String s : codes) {
                out.add(WebhookEvent.ofCode(s.strip())
                        .orElseThrow(() -> InvalidInputException.field("events", "exchange.error.event", s)));
            }
        }
        return out;
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }
}
