package cn.yingji.monitoring.internal;

import cn.yingji.shared.NotFoundException;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The public Atom feed of current warnings and their CAP documents, readable without signing in (read-only, GET
 * only, no session). Drills and cancelled or expired warnings are not listed.
 */
@RestController
class PublicWarningFeed {

    private final WarningService warnings;
    private final MonitoringProperties props;

    PublicWarningFeed(WarningService warnings, MonitoringProperties props) {
        this.warnings = warnings;
        this.props = props;
    }

    @GetMapping(value = "/public/warnings.atom", produces = "application/atom+xml;charset=UTF-8")
    String atom() {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        return WarningFormats.atom(warnings.currentPublic(), base, props.getCapSenderName() + " 预警信息", Instant.now());
    }

    @GetMapping(value = "/public/warning.cap")
    ResponseEntity<String> cap(@RequestParam UUID id) {
        Warning w = warnings.currentPublic().stream()
                .filter(x -> x.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("warning", id));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/cap+xml;charset=UTF-8"))
                .body(CapCodec.write(warnings.toCap(w)));
    }

    /** Lets anonymous GETs through to the feed only. */
    @Configuration(proxyBeanMethods = false)
    static class Security {
        @Bean
        @Order(0)
        SecurityFilterChain publicWarningFeedChain(HttpSecurity http) throws Exception {
            http.securityMatcher("/public/warnings.atom", "/public/warning.cap")
                    .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                    .csrf(c -> c.disable())
                    .sessionManagement(s -> s.sessionCreationPolicy(
                            org.springframework.security.config.http.SessionCreationPolicy.STATELESS));
            return http.build();
        }
    }
}
