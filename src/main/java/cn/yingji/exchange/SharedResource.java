package cn.yingji.exchange;

import java.util.Locale;
import java.util.Optional;

/** A kind of data the open API shares; a client's scopes name which ones it may read. */
public enum SharedResource {
    /** Emergency events (突发事件). */
    EVENTS,
    /** Warnings (预警). */
    WARNINGS,
    /** Hidden hazards (隐患). */
    HAZARDS,
    /** Rescue teams (救援队伍). */
    TEAMS;

    /** The URL segment, e.g. {@code events}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The resource with this URL segment. */
    public static Optional<SharedResource> ofSlug(String slug) {
        for (SharedResource r : values()) {
            if (r.slug().equals(slug)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
