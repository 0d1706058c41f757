package cn.yingji.identity.internal;

import cn.yingji.identity.Role;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two filter chains: {@code /api/**} answers 401/403 as problem+json and accepts personal API tokens; everything
 * else is the browser UI with form login, session and CSRF.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String CSP = "default-src 'self'; img-src 'self' data: blob: %s; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; connect-src 'self'; font-src 'self' data:; object-src 'none'; "
            + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    @Bean
    PasswordEncoder passwordEncoder() {
        // Delegating encoder: bcrypt today, with the algorithm stored in the hash so it can be upgraded later.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * No observation around every security filter: on the intake paths those spans cost about a tenth of a
     * request's CPU. Requests are still timed by the server's own observation, authentications still observed.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.withDefaults()
                .shouldObserveRequests(false)
                .shouldObserveAuthorizations(false)
                .shouldObserveAuthentications(true)
                .build();
    }

    @Bean
    LoginThrottle loginThrottle(LoginThrottle.ThrottlePolicy policy) {
        return new LoginThrottle(policy, Clock.systemUTC());
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, SecurityHeaders headers, ApiTokens tokens, LoginThrottle throttle)
            throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.requestMatchers("/api/v1/users/**", "/api/v1/audit/**")
                        .hasRole(Role.ADMIN.name())
                        .anyRequest()
                        .authenticated())
                // A bearer token is not sent automatically by browsers, so such requests cannot be forged.
                .csrf(c -> c.ignoringRequestMatchers(ApiTokenFilter::hasBearer))
                .addFilterBefore(new ApiTokenFilter(tokens, throttle), CsrfFilter.class)
                .exceptionHandling(
                        e -> e.authenticationEntryPoint((req, res, ex) -> problem(res, 401, "unauthenticated"))
                                .accessDeniedHandler((req, res, ex) -> problem(res, 403, "forbidden")));
        headers.apply(http);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain uiChain(HttpSecurity http, SecurityHeaders headers, LoginThrottle throttle) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers(
                                "/login",
                                "/webjars/**",
                                "/css/**",
                                "/js/**",
                                "/img/**",
                                "/favicon.ico",
                                "/error",
                                "/actuator/health/**",
                                "/v3/api-docs/**",
                                "/swagger-ui/**",
                                "/swagger-ui.html",
                                // The public hazard report (随手拍) and its follow-up page (hazard module).
                                "/report",
                                "/report/**",
                                // Signed 叫应 answer links (callout module): the HMAC token is the credential.
                                "/ack/**")
                        .permitAll()
                        .requestMatchers("/actuator/**", "/admin/users/**", "/admin/audit/**")
                        .hasRole(Role.ADMIN.name())
                        .anyRequest()
                        .authenticated())
                .formLogin(
                        f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(l ->
                        l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class);
        headers.apply(http);
        return http.build();
    }

    /**
     * Writes a minimal problem+json for 401/403 raised by the filter chain, before any controller (and so before
     * the localised handlers) runs. The message key lets clients localise on their side.
     */
    static void problem(HttpServletResponse res, int status, String key) throws java.io.IOException {
        res.setStatus(status);
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        res.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String title = switch (status) {
            case 401 -> "Unauthorized";
            case 429 -> "Too Many Requests";
            default -> "Forbidden";
        };
        String detail = switch (status) {
            case 401 -> "请先登录或提供有效的 API 令牌。 Sign in or send a valid API token.";
            case 429 -> "失败次数过多，请稍后再试。 Too many failed attempts; try again later.";
            default -> "无权执行此操作。 You may not do this.";
        };
        res.getWriter()
                .write("{\"type\":\"urn:yingji:problem:error." + key + "\",\"title\":\"" + title + "\",\"status\":"
                        + status + ",\"detail\":\"" + detail + "\"}");
    }

    @Bean
    SecurityHeaders securityHeaders(org.springframework.core.env.Environment env) {
        return new SecurityHeaders(env.getProperty("yingji.map.tile-url", ""));
    }

    /** The same hardening headers on both chains; the CSP admits the configured basemap host, if any. */
    static final class SecurityHeaders {
        private final String csp;

        SecurityHeaders(String tileUrl) {
            String host = "";
            if (tileUrl.startsWith("http")) {
                int start = tileUrl.indexOf("//") + 2;
                int end = tileUrl.indexOf('/', start);
                host = tileUrl.substring(0, end < 0 ? tileUrl.length() : end).replace("{s}", "*");
            }
            this.csp = CSP.formatted(host);
        }

        void apply(HttpSecurity http) throws Exception {
            http.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(csp))
                    .frameOptions(f -> f.deny())
                    // Sent on HTTPS requests only (also behind a proxy with server.forward-headers-strategy).
                    .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true)
                            .maxAgeInSeconds(Duration.ofDays(365).toSeconds()))
                    .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                    .permissionsPolicyHeader(p -> p.policy("geolocation=(self), camera=(self), microphone=()")));
        }
    }
}
