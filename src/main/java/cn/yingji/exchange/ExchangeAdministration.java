package cn.yingji.exchange;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Managing who receives shared data: API clients and webhook subscriptions. Administrators only (or the system
 * outside a request, e.g. the demo seed); every write is audited.
 */
public interface ExchangeAdministration {

    /**
     * Registers an API client and issues its key. The key is returned once and stored only as a hash.
     *
     * @throws cn.yingji.shared.InvalidInputException listing every invalid field
     */
    IssuedKey createClient(NewApiClient client);

    /** The active client of this department with this name, if any (for idempotent seeding). */
    java.util.Optional<UUID> findClient(String department, String name);

    /** Issues a new key for the client; the old one stops working at once. */
    IssuedKey rotateKey(UUID clientId);

    /** Revokes the client: its key stops working and its subscriptions stop receiving. */
    void revoke(UUID clientId);

    /**
     * Subscribes a receiver URL to event types. A client's subscription is limited to the client's jurisdiction and
     * scopes; an administrator's receiver to the divisions given.
     *
     * @return the subscription's id
     */
    UUID subscribe(NewSubscription subscription);

    /**
     * A new API client.
     *
     * @param department the department it belongs to (e.g. 市水务局)
     * @param name a name for the integration
     * @param scopes what it may read
     * @param divisionCodes 12-digit codes of the division subtrees it may read
     * @param ratePerMinute requests allowed per minute (token bucket; bursts up to this many)
     */
    record NewApiClient(
            String department, String name, Set<SharedResource> scopes, List<String> divisionCodes, int ratePerMinute) {
        public NewApiClient {
            scopes = Set.copyOf(scopes);
            divisionCodes = List.copyOf(divisionCodes);
        }
    }

    /**
     * A key as issued.
     *
     * @param clientId the client
     * @param key the secret key, shown once
     */
    record IssuedKey(UUID clientId, String key) {}

    /**
     * A new webhook subscription.
     *
     * @param clientId the API client it belongs to, or null for an administrator-defined receiver
     * @param name a name
     * @param url the receiver's http(s) URL
     * @param secret the HMAC-SHA256 secret (at least 16 characters)
     * @param events the event types
     * @param divisionCodes for a receiver without client: the division subtrees it may receive; ignored for a client
     */
    record NewSubscription(
            @Nullable UUID clientId,
            String name,
            String url,
            String secret,
            Set<WebhookEvent> events,
            List<String> divisionCodes) {
        public NewSubscription {
            events = Set.copyOf(events);
            divisionCodes = List.copyOf(divisionCodes);
        }
    }
}
