package cn.yingji.demo.internal;

import cn.yingji.callout.CalloutPolicies;
import cn.yingji.callout.CalloutPolicy;
import cn.yingji.callout.PolicyTier;
import cn.yingji.callout.TierLevel;
import cn.yingji.directory.Directory;
import cn.yingji.directory.Holding;
import cn.yingji.directory.PositionKinds;
import cn.yingji.monitoring.WarningLevel;
import cn.yingji.notify.Channel;
import cn.yingji.notify.Notifications;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The demo city's 叫应 policies, one per warning level (red reaches down to grid workers, blue only the county
 * flood chiefs; the city flood chief is reached by escalation, then the duty desk), and channel preferences of the
 * demo district's officials (county chief: voice first; township heads and secretaries: SMS first). Only levels
 * without a policy are seeded, so changes made in the running system are kept.
 */
@Component
class DemoCallout {

    private static final Logger LOG = LoggerFactory.getLogger(DemoCallout.class);

    private final CalloutPolicies policies;
    private final Notifications notifications;
    private final Directory directory;
    private final boolean enabled;

    DemoCallout(
            CalloutPolicies policies,
            Notifications notifications,
            Directory directory,
            @Value("${yingji.demo.enabled:false}") boolean enabled) {
        this.policies = policies;
        this.notifications = notifications;
        this.directory = directory;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(60)
    void onReady() {
        if (enabled) {
            try {
                load();
            } catch (RuntimeException e) {
                LOG.warn("Demo 叫应 policies not loaded", e);
            }
        }
    }

    /** The demo policy of a level. */
    static CalloutPolicy policy(WarningLevel level) {
        PolicyTier city = new PolicyTier(
                "city",
                "市防汛抗旱指挥部指挥长",
                TierLevel.CITY,
                List.of(PositionKinds.FLOOD_CHIEF),
                false,
                PolicyTier.DUTY_OFFICER);
        PolicyTier county = new PolicyTier(
                "county", "区县防汛抗旱指挥部指挥长", TierLevel.COUNTY, List.of(PositionKinds.FLOOD_CHIEF), true, "city");
        PolicyTier township = new PolicyTier(
                "township",
                "乡镇（街道）党政主要负责人",
                TierLevel.TOWNSHIP,
                List.of(PositionKinds.TOWNSHIP_PARTY_SECRETARY, PositionKinds.TOWNSHIP_HEAD),
                true,
                "county");
        PolicyTier village = new PolicyTier(
                "village",
                "村（社区）防汛责任人",
                TierLevel.VILLAGE,
                List.of(PositionKinds.VILLAGE_FLOOD_CONTACT),
                true,
                "township");
        PolicyTier grid =
                new PolicyTier("grid", "网格员", TierLevel.GRID, List.of(PositionKinds.GRID_WORKER), true, "village");
        List<Channel> all = List.of(Channel.VOICE, Channel.SMS, Channel.IN_APP, Channel.EMAIL);
        return switch (level) {
            case RED ->
                new CalloutPolicy(level, List.of(city, county, township, village, grid), all, Duration.ofMinutes(5), 2);
            case ORANGE ->
                new CalloutPolicy(level, List.of(city, county, township, village), all, Duration.ofMinutes(5), 2);
            case YELLOW -> new CalloutPolicy(level, List.of(city, county, township), all, Duration.ofMinutes(10), 1);
            case BLUE ->
                new CalloutPolicy(
                        level, List.of(city, county), List.of(Channel.SMS, Channel.IN_APP), Duration.ofMinutes(15), 1);
        };
    }

    int load() {
        SecurityContextHolder.clearContext();
        int n = 0;
        for (WarningLevel level : WarningLevel.values()) {
            if (policies.policy(level).isEmpty()) {
                policies.save(policy(level));
                n++;
            }
        }
        String county =
                "/" + DirectoryPlanner.DEMO_COUNTY.substring(0, 4) + "00000000/" + DirectoryPlanner.DEMO_COUNTY + "/";
        List<Holding> chiefs = directory.holdersAt(county, PositionKinds.FLOOD_CHIEF);
        for (Holding h : chiefs) {
            if (notifications.preferences(h.person()).get(0) != Channel.VOICE) {
                notifications.setPreferences(h.person(), List.of(Channel.VOICE, Channel.SMS, Channel.IN_APP));
            }
        }
        String township = county + DirectoryPlanner.DEMO_TOWNSHIP + "/";
        List<Holding> heads = new ArrayList<>();
        heads.addAll(directory.holdersAt(township, PositionKinds.TOWNSHIP_PARTY_SECRETARY));
        heads.addAll(directory.holdersAt(township, PositionKinds.TOWNSHIP_HEAD));
        for (Holding h : heads) {
            if (notifications.preferences(h.person()).get(0) != Channel.SMS) {
                notifications.setPreferences(h.person(), List.of(Channel.SMS, Channel.VOICE, Channel.IN_APP));
            }
        }
        if (n > 0) {
            LOG.info("Demo city: {} 叫应 policies seeded", n);
        }
        return n;
    }
}
