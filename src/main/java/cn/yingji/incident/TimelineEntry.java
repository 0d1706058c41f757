package cn.yingji.incident;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One entry of an event's time axis.
 *
 * @param at when
 * @param kind what happened, e.g. {@code REPORTED}, {@code CASUALTIES}, {@code GRADED}, {@code REPORT}, {@code
 *     OVERDUE}, {@code INSTRUCTION}, {@code ACKNOWLEDGED}, {@code NOTE}, {@code ATTACHMENT}, {@code STATE}
 * @param actor username or {@code system}
 * @param messageKey message key {@code incident.timeline.<kind>} rendering the entry with {@code args}
 * @param args message arguments
 * @param refId id of the related row, if any
 */
public record TimelineEntry(
        Instant at,
        String kind,
        String actor,
        String messageKey,
        List<String> args,
        @Nullable String refId) {

    public TimelineEntry {
        args = List.copyOf(args);
    }
}
