/**
 * The call-and-respond chain (叫应): for a warning's area and level, resolves who must be called at each tier from
 * positions, calls them through {@code notify} channels, waits for "received" and "on post", calls again and
 * escalates to the superior position when time runs out, on durable timers. Publishes {@link
 * cn.yingji.callout.CampaignClosed}.
 */
@ApplicationModule(
        displayName = "Callout",
        allowedDependencies = {
            "shared",
            "identity",
            "geo",
            "directory",
            "responsibility",
            "monitoring",
            "notify",
            "portal"
        })
@NullMarked
package cn.yingji.callout;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
