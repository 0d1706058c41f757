package cn.yingji.callout;

import cn.yingji.monitoring.WarningId;
import cn.yingji.monitoring.WarningLevel;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A request to start a 叫应 campaign.
 *
 * @param level the warning level, which selects the policy
 * @param title headline (the warning's title)
 * @param message the text read out and sent
 * @param divisionPaths the area, as division paths
 * @param drill true for a drill (演练), kept apart in statistics
 * @param warning the warning it follows, null when started by hand
 */
public record StartCampaign(
        WarningLevel level,
        String title,
        String message,
        List<String> divisionPaths,
        boolean drill,
        @Nullable WarningId warning) {

    public StartCampaign {
        divisionPaths = List.copyOf(divisionPaths);
    }
}
