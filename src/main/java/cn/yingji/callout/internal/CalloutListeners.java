package cn.yingji.callout.internal;

import cn.yingji.callout.StartCampaign;
import cn.yingji.monitoring.WarningIssued;
import cn.yingji.notify.NotificationReceipt;
import cn.yingji.notify.NotificationReply;
import cn.yingji.shared.DomainException;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts a campaign when a warning is issued (in the issuing transaction, so a warning and its campaign commit
 * together, once per warning), and turns channel receipts and replies into call updates and answers.
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

    @EventListener
    void on(WarningIssued w) {
        if (policies.policy(w.level()).isEmpty() || w.divisionPaths().isEmpty()) {
            LOG.info("Warning {} ({}) has no 叫应 policy or area; no campaign", w.id(), w.level());
            return;
        }
        engine.start(new StartCampaign(w.level(), w.title(), w.title(), w.divisionPaths(), w.drill(), w.id()));
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
