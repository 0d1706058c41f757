package cn.yingji.callout.internal;

import cn.yingji.callout.StartCampaign;
import cn.yingji.monitoring.WarningCancelled;
import cn.yingji.monitoring.WarningIssued;
import cn.yingji.monitoring.WarningUpdated;
import cn.yingji.notify.NotificationReceipt;
import cn.yingji.notify.NotificationReply;
import cn.yingji.shared.DomainException;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Follows a warning's lifecycle after each of its transactions commits (issued: start the campaign; cancelled: close
 * it; level raised: call the tiers the new policy adds), and turns channel receipts and replies into call updates and answers.
 */
@Component
class CalloutListeners {

    private static final Logger LOG = LoggerFactory.getLogger(CalloutListeners.class);

    private final CampaignEngine engine;
    private final PolicyService policies;
    private final AnswerAbsorber absorber;

    CalloutListeners(CampaignEngine engine, PolicyService policies, AnswerAbsorber absorber) {
        this.engine = engine;
        this.absorber = absorber;
        this.policies = policies;
    }

    /**
     * After the warning's transaction commits (durable: Spring Modulith's publication registry keeps it until this
     * listener completes, and republishes it after a restart), its campaign starts in a transaction of its own;
     * {@link CampaignEngine#start} is idempotent per warning, so a retried publication starts nothing twice.
     */
    @ApplicationModuleListener
    void on(WarningIssued w) {
        if (policies.policy(w.level()).isEmpty() || w.divisionPaths().isEmpty()) {
            LOG.info("Warning {} ({}) has no 叫应 policy or area; no campaign", w.id(), w.level());
            return;
        }
        engine.start(new StartCampaign(w.level(), w.title(), w.title(), w.divisionPaths(), w.drill(), w.id()));
    }

    /** A cancelled warning closes its open campaign (timers cancelled, {@code CampaignClosed} published). */
    @ApplicationModuleListener
    void on(WarningCancelled w) {
        if (engine.closeForWarning(w.id())) {
            LOG.info("Warning {} cancelled; its 叫应 campaign is closed", w.id());
        }
    }

    /** A raised level calls the tiers the new level's policy adds, nobody twice. */
    @ApplicationModuleListener
    void on(WarningUpdated w) {
        if (w.level().compareTo(w.oldLevel()) > 0) {
            int added = engine.raiseLevel(w.id(), w.level(), w.divisionPaths());
            LOG.info("Warning {} raised to {}; {} calls added", w.id(), w.level(), added);
        }
    }

    @EventListener
    void on(NotificationReceipt r) {
        if (!r.source().equals(CampaignEngine.SOURCE)) {
            return;
        }
        engine.receipt(UUID.fromString(r.correlation()), r.channel(), r.delivered(), r.error(), r.at());
    }

    @EventListener
    void on(NotificationReply r) {
        if (!r.source().equals(CampaignEngine.SOURCE)) {
            return;
        }
        CampaignEngine.Action action = parse(r.text());
        if (action == null) {
            LOG.info("Unreadable reply '{}' to call {}", r.text(), r.correlation());
            return;
        }
        try {
            absorber.answer(
                    UUID.fromString(r.correlation()),
                    action,
                    r.location(),
                    null,
                    r.channel().name());
        } catch (DomainException e) {
            LOG.info("Reply to call {} not taken: {}", r.correlation(), e.messageKey());
        }
    }

    /** 1 / 收到 = received, 2 / 到岗 = on post, 3 / 无法 = cannot. */
    static CampaignEngine.@Nullable Action parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.startsWith("1") || t.startsWith("收到") || t.equals("ok")) {
            return CampaignEngine.Action.RECEIVED;
        }
        if (t.startsWith("2") || t.startsWith("到岗")) {
            return CampaignEngine.Action.ON_POST;
        }
        if (t.startsWith("3") || t.startsWith("无法")) {
            return CampaignEngine.Action.CANNOT;
        }
        return null;
    }
}
