package cn.yingji.callout.internal;

import cn.yingji.callout.CalloutPolicies;
import cn.yingji.callout.CalloutPolicy;
import cn.yingji.callout.PolicyTier;
import cn.yingji.identity.AuditTrail;
import cn.yingji.monitoring.WarningLevel;
import cn.yingji.notify.Channel;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Stores policies as JSON documents, one per level, validated before they are stored. */
@Service
class PolicyService implements CalloutPolicies {

    /** The stored form of a policy. */
    record PolicyDoc(
            List<PolicyTier> tiers,
            List<Channel> channels,
            long answerTimeoutSeconds,
            int retries,
            @org.jspecify.annotations.Nullable Integer onPostMinutes) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AuditTrail audit;
    private final CalloutClock clock;

    PolicyService(JdbcClient jdbc, JsonMapper json, AuditTrail audit, CalloutClock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Optional<CalloutPolicy> policy(WarningLevel level) {
        return jdbc.sql("select definition::text from callout.policy where level = :l")
                .param("l", level.name())
                .query(String.class)
                .optional()
                .map(s -> parse(level, s));
    }

    @Override
    public List<CalloutPolicy> policies() {
        return jdbc
                .sql("select level, definition::text from callout.policy")
                .query((rs, n) -> parse(WarningLevel.valueOf(rs.getString(1)), rs.getString(2)))
                .list()
                .stream()
                .sorted(Comparator.comparing(CalloutPolicy::level).reversed())
                .toList();
    }

    @Override
    @Transactional
    public void save(CalloutPolicy policy) {
        PolicyValidator.validate(policy);
        Optional<CalloutPolicy> before = policy(policy.level());
        jdbc.sql("""
                        insert into callout.policy (level, definition, updated_at) values (:l, cast(:d as jsonb), :now)
                        on conflict (level) do update set definition = excluded.definition,
                            version = callout.policy.version + 1, updated_at = excluded.updated_at
                        """)
                .param("l", policy.level().name())
                .param("d", write(policy))
                .param("now", Timestamp.from(clock.now()))
                .update();
        audit.record(
                before.isPresent() ? "update" : "create",
                "callout.policy",
                policy.level().name(),
                null,
                before.orElse(null),
                policy);
    }

    /** The tiers as indented JSON, for the edit form. */
    String writeTiers(List<PolicyTier> tiers) {
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(tiers);
    }

    /** Tiers from the edit form's JSON; unreadable JSON is a field error on {@code tiers}. */
    List<PolicyTier> readTiers(@org.jspecify.annotations.Nullable String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            PolicyTier[] tiers = json.readValue(text, PolicyTier[].class);
            return tiers == null ? List.of() : List.of(tiers);
        } catch (RuntimeException e) {
            throw cn.yingji.shared.InvalidInputException.field("tiers", "callout.policy.badTiers");
        }
    }

    String write(CalloutPolicy p) {
        return json.writeValueAsString(
                new PolicyDoc(p.tiers(), p.channels(), p.answerTimeout().toSeconds(), p.retries(), p.onPostMinutes()));
    }

    CalloutPolicy parse(WarningLevel level, String s) {
        PolicyDoc d = json.readValue(s, PolicyDoc.class);
        return new CalloutPolicy(
                level,
                d.tiers(),
                d.channels(),
                Duration.ofSeconds(d.answerTimeoutSeconds()),
                d.retries(),
                d.onPostMinutes());
    }
}
