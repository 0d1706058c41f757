package cn.yingji.callout;

import cn.yingji.monitoring.WarningId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A 叫应 campaign ended (everyone answered or escalation ran out, or it was closed by hand): its reach figures.
 *
 * @param id the campaign
 * @param warning the warning it followed, null for a campaign started by hand
 * @param divisionPath the (highest) division the campaign covered
 * @param drill true for a drill; kept apart in statistics
 * @param persons persons called (first calls, not escalations)
 * @param reached persons whose call was delivered on some channel
 * @param answered persons who answered "received"
 * @param onPost persons who confirmed "on post"
 * @param escalated calls escalated to a superior or deputy
 * @param failed persons never reached
 * @param startedAt when it started
 * @param closedAt when it ended
 */
public record CampaignClosed(
        CampaignId id,
        @Nullable WarningId warning,
        String divisionPath,
        boolean drill,
        int persons,
        int reached,
        int answered,
        int onPost,
        int escalated,
        int failed,
        Instant startedAt,
        Instant closedAt) {}
