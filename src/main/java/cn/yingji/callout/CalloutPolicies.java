package cn.yingji.callout;

import cn.yingji.monitoring.WarningLevel;
import java.util.List;
import java.util.Optional;

/** The 叫应 policies per warning level. */
public interface CalloutPolicies {

    /** The policy of a level, if one is configured. */
    Optional<CalloutPolicy> policy(WarningLevel level);

    /** Every configured policy, most severe level first. */
    List<CalloutPolicy> policies();

    /**
     * Validates and stores a policy (replacing the level's previous one), audited.
     *
     * @throws cn.yingji.shared.InvalidInputException when the policy has no tier or channel, a bad timeout or retry
     *     count, an escalation loop (a tier escalating to itself, to a lower or equal level, or in a cycle), an
     *     unknown escalation target, or an unreachable tier (neither called first nor the target of any
     *     escalation); nothing is stored then
     */
    void save(CalloutPolicy policy);
}
