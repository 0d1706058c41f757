package cn.yingji.callout;

import java.util.Optional;

/** Starting and reading 叫应 campaigns. */
public interface Campaigns {

    /**
     * Resolves the call list from positions and starts calling. From a request, the caller must be able to capture
     * every division of the area; from a listener (no user) the system acts.
     *
     * @throws cn.yingji.shared.InvalidInputException when the level has no policy or the area is empty
     */
    CampaignId start(StartCampaign request);

    /** The campaign started for a warning, if any. */
    Optional<CampaignId> forWarning(cn.yingji.monitoring.WarningId warning);
}
