package cn.yingji.exchange.internal;

import cn.yingji.exchange.SharedResource;
import cn.yingji.identity.Jurisdiction;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * An authenticated open-API client, the principal of the open-API filter chain.
 *
 * @param id the client
 * @param department its department
 * @param name its name
 * @param scopes what it may read
 * @param jurisdiction division subtrees it may read (as view scopes)
 * @param ratePerMinute its rate limit
 */
record ApiClientPrincipal(
        UUID id,
        String department,
        String name,
        Set<SharedResource> scopes,
        Jurisdiction jurisdiction,
        int ratePerMinute) {

    ApiClientPrincipal {
        scopes = Set.copyOf(scopes);
    }

    static Jurisdiction jurisdictionOf(List<String> paths) {
        return new Jurisdiction(List.of(), paths);
    }
}
