package cn.yingji.exchange.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates open-API requests by key ({@code X-Api-Key: <key>} or {@code Authorization: Bearer <key>}),
 * applies the client's rate limit (429 with {@code Retry-After}) and writes one usage-log row per request. A request
 * with a key that is unknown, revoked or malformed answers 401 at once.
 */
final class OpenApiKeyFilter extends OncePerRequestFilter {

    static final String AUTHORITY = "OPEN_API_CLIENT";
    static final String ROWS_ATTRIBUTE = OpenApiKeyFilter.class.getName() + ".rows";

    private final OpenApiClients clients;
    private final TokenBuckets buckets;
    private final JdbcExchangeStore store;

    OpenApiKeyFilter(OpenApiClients clients, TokenBuckets buckets, JdbcExchangeStore store) {
        this.clients = clients;
        this.buckets = buckets;
        this.store = store;
    }

    static @Nullable String keyOf(HttpServletRequest request) {
        String key = request.getHeader("X-Api-Key");
        if (key != null && !key.isBlank()) {
            return key.trim();
        }
        String auth = request.getHeader("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return auth.substring(7).trim();
        }
        return null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = keyOf(request);
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        var client = clients.authenticate(key);
        if (client.isEmpty()) {
            problem(response, 401, "unauthenticated");
            return;
        }
        ApiClientPrincipal principal = client.get();
        Duration wait = buckets.acquire(principal.id(), principal.ratePerMinute());
        if (!wait.isZero()) {
            response.setHeader("Retry-After", Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000)));
            problem(response, 429, "rateLimited");
            store.logUsage(principal.id(), request.getMethod(), request.getRequestURI(), 429, null);
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                principal, null, List.of(new SimpleGrantedAuthority(AUTHORITY))));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
            Object rows = request.getAttribute(ROWS_ATTRIBUTE);
            store.logUsage(
                    principal.id(),
                    request.getMethod(),
                    request.getRequestURI(),
                    response.getStatus(),
                    rows instanceof Integer i ? i : null);
        }
    }

    static void problem(HttpServletResponse res, int status, String key) throws IOException {
        res.setStatus(status);
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        res.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String title = switch (status) {
            case 401 -> "Unauthorized";
            case 429 -> "Too Many Requests";
            default -> "Forbidden";
        };
        String detail = switch (status) {
            case 401 -> "API 密钥无效、已轮换或已吊销。 The API key is invalid, rotated or revoked.";
            case 429 -> "请求过于频繁，请按 Retry-After 稍后再试。 Rate limit exceeded; retry after Retry-After seconds.";
            default -> "开放接口只接受 API 密钥。 The open API accepts API keys only.";
        };
        res.getWriter()
                .write("{\"type\":\"urn:yingji:problem:error." + key + "\",\"title\":\"" + title + "\",\"status\":"
                        + status + ",\"detail\":\"" + detail + "\"}");
    }
}
