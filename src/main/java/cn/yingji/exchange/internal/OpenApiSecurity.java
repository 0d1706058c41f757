package cn.yingji.exchange.internal;

import cn.yingji.shared.web.Problems;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * The filter chain of the open API for departments, {@code /api/open/**}, ahead of the platform's API chain: no
 * session, no CSRF (keys are never sent by browsers on their own), only API-client principals. Without a key the
 * answer is 401; a signed-in platform user without a key gets 403.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiSecurity {

    @Bean
    TokenBuckets openApiTokenBuckets() {
        return new TokenBuckets(Clock.systemUTC());
    }

    @Bean
    @Order(0)
    SecurityFilterChain openApiChain(
            HttpSecurity http, OpenApiClients clients, TokenBuckets buckets, JdbcExchangeStore store, Problems problems)
            throws Exception {
        http.securityMatcher("/api/open/**")
                .authorizeHttpRequests(a -> a.anyRequest().hasAuthority(OpenApiKeyFilter.AUTHORITY))
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterAfter(
                        new OpenApiKeyFilter(clients, buckets, store, problems), SecurityContextHolderFilter.class)
                .headers(h -> h.contentSecurityPolicy(
                                c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .frameOptions(f -> f.deny()))
                .exceptionHandling(e -> e.authenticationEntryPoint(
                                (req, res, ex) -> OpenApiKeyFilter.problem(problems, res, 401, "unauthenticated"))
                        .accessDeniedHandler(
                                (req, res, ex) -> OpenApiKeyFilter.problem(problems, res, 403, "forbidden")));
        return http.build();
    }
}
