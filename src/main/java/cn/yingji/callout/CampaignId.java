package cn.yingji.callout;

import java.util.UUID;

/**
 * Identifies a 叫应 campaign.
 *
 * @param value the id
 */
public record CampaignId(UUID value) {
    @Override
    public String toString() {
        return value.toString();
    }
}
