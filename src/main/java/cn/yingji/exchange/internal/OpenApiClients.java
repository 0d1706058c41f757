package cn.yingji.exchange.internal;

import java.util.Optional;
import org.springframework.stereotype.Component;

/** Finds the active client of a key. */
@Component
class OpenApiClients {

    private final JdbcExchangeStore store;

    OpenApiClients(JdbcExchangeStore store) {
        this.store = store;
    }

    Optional<ApiClientPrincipal> authenticate(String key) {
        return ApiKeys.prefixOf(key)
                .flatMap(store::clientByPrefix)
                .filter(JdbcExchangeStore.ClientRow::active)
                .filter(c -> ApiKeys.matches(key, c.keyHash()))
                .map(c -> new ApiClientPrincipal(
                        c.id(),
                        c.department(),
                        c.name(),
                        c.scopes(),
                        ApiClientPrincipal.jurisdictionOf(c.jurisdiction()),
                        c.ratePerMinute()));
    }
}
