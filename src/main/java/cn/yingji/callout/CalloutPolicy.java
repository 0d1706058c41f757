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
 * @param onPostMinutes minutes after "received" within which "on post" must follow; then the person is reminded once,
 *     and after as long again their superior is called; null = not watched
 */
public record CalloutPolicy(
        WarningLevel level,
        List<PolicyTier> tiers,
        List<Channel> channels,
        Duration answerTimeout,
        int retries,
        @org.jspecify.annotations.Nullable Integer onPostMinutes) {

    public CalloutPolicy {
        tiers = List.copyOf(tiers);
        channels = List.copyOf(channels);
    }

    /** A policy that does not watch "on post". */
    public CalloutPolicy(
            WarningLevel level, List<PolicyTier> tiers, List<Channel> channels, Duration answerTimeout, int retries) {
        this(level, tiers, channels, answerTimeout, retries, null);
    }

    /** The time allowed between "received" and "on post", when watched. */
    public java.util.Optional<Duration> onPostTimeout() {
        return onPostMinutes == null
                ? java.util.Optional.empty()
                : java.util.Optional.of(Duration.ofMinutes(onPostMinutes));
    }
}
