package cn.yingji.command;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A plan proposed for an event, with the level it suggests and why.
 *
 * @param plan the plan
 * @param suggestedLevel level suggested by the plan's triggers for the event's grade; null when the event's grade
 *     does not reach any level the plan defines by grade
 * @param score ranking score (higher first)
 * @param reasons the reasons, as message keys of the {@code command} bundle with arguments
 */
public record PlanMatch(Plan plan, @Nullable ResponseLevel suggestedLevel, int score, List<Reason> reasons) {

    public PlanMatch {
        reasons = List.copyOf(reasons);
    }

    /**
     * One reason.
     *
     * @param key message key
     * @param args message arguments
     */
    public record Reason(String key, List<String> args) {

        public Reason {
            args = List.copyOf(args);
        }
    }
}
