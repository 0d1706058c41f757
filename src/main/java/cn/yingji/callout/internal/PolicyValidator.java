package cn.yingji.callout.internal;

import cn.yingji.callout.CalloutPolicy;
import cn.yingji.callout.PolicyTier;
import cn.yingji.directory.PositionKinds;
import cn.yingji.shared.DomainException.FieldError;
import cn.yingji.shared.InvalidInputException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rejects policies that cannot work (Grafana OnCall #934/#1326): no tier or channel, timeouts out of range, an
 * escalation loop, an unknown target, or a tier nobody ever reaches.
 */
final class PolicyValidator {

    static final Duration MIN_TIMEOUT = Duration.ofSeconds(30);
    static final Duration MAX_TIMEOUT = Duration.ofHours(2);

    private PolicyValidator() {}

    static void validate(CalloutPolicy p) {
        List<FieldError> errors = new ArrayList<>();
        if (p.tiers().isEmpty()) {
            errors.add(new FieldError("tiers", "callout.policy.noTiers", new Object[0]));
        }
        if (p.channels().isEmpty()) {
            errors.add(new FieldError("channels", "callout.policy.noChannels", new Object[0]));
        } else if (new LinkedHashSet<>(p.channels()).size() != p.channels().size()) {
            errors.add(new FieldError("channels", "callout.policy.duplicateChannel", new Object[0]));
        }
        if (p.answerTimeout().compareTo(MIN_TIMEOUT) < 0 || p.answerTimeout().compareTo(MAX_TIMEOUT) > 0) {
            errors.add(new FieldError("answerTimeout", "callout.policy.timeout", new Object[] {30, 7200}));
        }
        if (p.onPostMinutes() != null && (p.onPostMinutes() < 1 || p.onPostMinutes() > 240)) {
            errors.add(new FieldError("onPostMinutes", "callout.policy.onPost", new Object[] {1, 240}));
        }
        if (p.retries() < 0 || p.retries() > 5) {
            errors.add(new FieldError("retries", "callout.policy.retries", new Object[] {0, 5}));
        }
        Map<String, PolicyTier> byKey = new HashMap<>();
        boolean anyFirst = false;
        for (PolicyTier t : p.tiers()) {
            if (t.key() == null || !t.key().matches("[a-z][a-z0-9_-]{0,31}")) {
                errors.add(new FieldError("tiers", "callout.policy.badKey", new Object[] {String.valueOf(t.key())}));
                continue;
            }
            if (byKey.put(t.key(), t) != null) {
                errors.add(new FieldError("tiers", "callout.policy.duplicateKey", new Object[] {t.key()}));
            }
            if (t.kinds().isEmpty() || t.kinds().stream().anyMatch(k -> !PositionKinds.isValid(k))) {
                errors.add(new FieldError("tiers", "callout.policy.badKinds", new Object[] {t.key()}));
            }
            anyFirst |= t.callFirst();
        }
        if (!p.tiers().isEmpty() && !anyFirst) {
            errors.add(new FieldError("tiers", "callout.policy.nothingFirst", new Object[0]));
        }
        Set<String> targets = new HashSet<>();
        for (PolicyTier t : p.tiers()) {
            String to = t.escalateTo();
            if (to == null || to.equals(PolicyTier.DUTY_OFFICER)) {
                continue;
            }
            PolicyTier target = byKey.get(to);
            if (target == null) {
                errors.add(new FieldError("tiers", "callout.policy.unknownTarget", new Object[] {t.key(), to}));
                continue;
            }
            targets.add(to);
            if (target.level().depth() >= t.level().depth()) {
                errors.add(new FieldError("tiers", "callout.policy.loop", new Object[] {t.key(), to}));
            }
        }
        // Cycles (also caught by the level rule, kept explicit for clarity of the message).
        for (PolicyTier t : p.tiers()) {
            Set<String> seen = new HashSet<>();
            String at = t.key();
            while (at != null && byKey.containsKey(at)) {
                if (!seen.add(at)) {
                    errors.add(new FieldError("tiers", "callout.policy.cycle", new Object[] {t.key()}));
                    break;
                }
                at = byKey.get(at).escalateTo();
            }
        }
        for (PolicyTier t : p.tiers()) {
            if (!t.callFirst() && !targets.contains(t.key())) {
                errors.add(new FieldError("tiers", "callout.policy.unreachable", new Object[] {t.key()}));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(
                    "callout.policy.invalid", errors.stream().distinct().toList());
        }
    }
}
