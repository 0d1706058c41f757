package cn.yingji.exchange;

import cn.yingji.support.MatrixContribution;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The exchange's path variables for the jurisdiction matrix. Clients, subscriptions and deliveries are
 * administration (the township officer is refused with 403); the open API refuses a platform session without a key
 * (403), whatever the identifier.
 */
@Component
class ExchangeMatrix implements MatrixContribution {

    @Override
    public Map<String, Supplier<String>> foreignIdentifiers() {
        return Map.of(
                "{id}@clients", () -> UUID.randomUUID().toString(),
                "{id}@subscriptions", () -> UUID.randomUUID().toString(),
                "{id}@deliveries", () -> UUID.randomUUID().toString(),
                "{id}@webhooks", () -> UUID.randomUUID().toString(),
                "{resource}@v1", () -> "events",
                "{id}@{resource}", () -> UUID.randomUUID().toString());
    }

    @Override
    public Set<String> platformWidePrefixes() {
        return Set.of();
    }
}
