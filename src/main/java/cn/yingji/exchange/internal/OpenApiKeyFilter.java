package cn.yingji.exchange.internal;

import cn.yingji.shared.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Authenticates open-API requests by key ({@code X-Api-Key: <key>} or {@code Authorization: Bearer <key>}),
 * applies the client's rate limit (429 with {@code Retry-After}) and writes one usage-log row per request. A request
 * with a key that is unknown, revoked or malformed answers 401 at once.
 */
final class OpenApiKeyFilter extends OncePerRequestFilter {

    static final String AUTHORITY = "OPEN_API_CLIENT";
    static final String ROWS_ATTRIBUTE = OpenApiKeyFilter.class.getName() + ".rows";

    /** The languages the platform's bundles have; the first is the default. */
    static final List<Locale> SUPPORTED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    private final OpenApiClients clients;
    private final TokenBuckets buckets;
    private final JdbcExchangeStore store;
    private final Problems problems;

    OpenApiKeyFilter(OpenApiClients clients, TokenBuckets buckets, JdbcExchangeStore store, Problems problems) {
        this.clients = clients;
        this.buckets = buckets;
        this.store = store;
        this.problems = problems;
    }

    /**
     * The caller's language: {@code ?lang=} if given, else the best supported match of {@code Accept-Language}, else
     * zh-CN. Unlike the pages (where the browser's language is deliberately ignored, see the portal's locale
     * configuration), an API client has no cookie and no language switch, so its Accept-Language is followed.
     */
    static Locale localeOf(HttpServletRequest request) {
        String lang = request.getParameter("lang");
        if (lang != null && !lang.isBlank()) {
            Locale asked = Locale.forLanguageTag(lang.strip().replace('_', '-'));
            for (Locale l : SUPPORTED) {
                if (l.getLanguage().equals(asked.getLanguage())) {
                    return l;
                }
            }
        }
        String header = request.getHeader("Accept-Language");
        if (header != null && !header.isBlank()) {
            try {
                Locale match = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
                if (match != null) {
                    return match;
                }
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                    String language = Locale.forLanguageTag(range.getRange()).getLanguage();
                    for (Locale l : SUPPORTED) {
                        if (l.getLanguage().equals(language)) {
                            return l;
                        }
                    }
                }
            } catch (IllegalArgumentException e) {
                // a malformed header: the default
            }
        }
        return SUPPORTED.get(0);
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
        Locale locale = localeOf(request);
        // The platform's cookie locale resolver takes a locale already resolved for the request from this attribute,
        // so the MVC error handling (ApiExceptionHandler) answers in the same language.
        request.setAttribute(CookieLocaleResolver.LOCALE_REQUEST_ATTRIBUTE_NAME, locale);
        LocaleContext saved = LocaleContextHolder.getLocaleContext();
        LocaleContextHolder.setLocale(locale);
        try {
            authenticated(request, response, chain);
        } finally {
            LocaleContextHolder.setLocaleContext(saved);
        }
    }

    private void authenticated(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = keyOf(request);
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        var client = clients.authenticate(key);
        if (client.isEmpty()) {
            problem(problems, response, 401, "unauthenticated");
            return;
        }
        ApiClientPrincipal principal = client.get();
        Duration wait = buckets.acquire(principal.id(), principal.ratePerMinute());
        if (!wait.isZero()) {
            response.setHeader("Retry-After", Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000)));
            problem(problems, response, 429, "rateLimited");
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

    /**
     * Writes a problem+json in the request's language (the locale this filter put in place, see
     * {@link #localeOf}); the same shape as the platform's localised problems.
     */
    static void problem(Problems problems, HttpServletResponse res, int status, String key) throws IOException {
        res.setStatus(status);
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        res.setCharacterEncoding(StandardCharsets.UTF_8.name());
        res.setHeader(
                HttpHeaders.CONTENT_LANGUAGE, LocaleContextHolder.getLocale().toLanguageTag());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:yingji:problem:error." + key);
        body.put("title", problems.text("problem.title." + status));
        body.put("status", status);
        body.put("detail", problems.text("exchange.open." + key));
        res.getWriter().write(JSON.writeValueAsString(body));
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
}
