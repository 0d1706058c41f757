package cn.yingji.callout;

import cn.yingji.monitoring.WarningLevel;
import cn.yingji.notify.Channel;
import java.time.Duration;
import java.util.List;

/**
 * How a warning level is called (kept as data, one per level).
 *
 * @param level the warning level
 * @param tiers the tiers, in order (highest level first)
 * @param channels channels allowed, in order of use; each attempt uses the next of them the person can be reached
 *     on, in the person's own order of preference
 * @param answerTimeout time to answer "received" before calling again or escalating (e.g. 5 minutes)
 * @param retries calls again after the first before escalating (0–5)
 */
public record CalloutPolicy(
        WarningLevel level, List<PolicyTier> tiers, List<Channel> channels, Duration answerTimeout, int retries) {

    public CalloutPolicy {
        tiers = List.copyOf(tiers);
        channels = List.copyOf(channels);
    }
}
