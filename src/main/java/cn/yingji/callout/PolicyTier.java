package cn.yingji.callout;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One tier of a 叫应 policy: which positions, at which level, and to whom an unanswered call escalates.
 *
 * @param key short key, unique in the policy, e.g. {@code county}
 * @param name display name, e.g. 区县防汛负责人
 * @param level administrative level of the positions
 * @param kinds position kind codes called at this level (e.g. {@code FLOOD_CHIEF})
 * @param callFirst true when the tier is called when the campaign starts; false for a tier reached only by
 *     escalation (e.g. the city flood chief)
 * @param escalateTo key of the tier (at a higher level) whose positions over the call's division are called when
 *     a call of this tier is not answered; {@link #DUTY_OFFICER} or null for the on-duty officer
 */
public record PolicyTier(
        String key,
        String name,
        TierLevel level,
        List<String> kinds,
        boolean callFirst,
        @Nullable String escalateTo) {

    /** Escalation target meaning the on-duty officer of the division (值班员). */
    public static final String DUTY_OFFICER = "DUTY_OFFICER";

    public PolicyTier {
        kinds = List.copyOf(kinds);
    }
}
