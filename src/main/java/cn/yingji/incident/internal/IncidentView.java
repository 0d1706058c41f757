package cn.yingji.incident.internal;

import cn.yingji.incident.EventType;
import cn.yingji.incident.Grade;
import cn.yingji.incident.Obligation;
import cn.yingji.incident.TimelineEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Formatting helpers for the incident templates ({@code ${@incidentView.time(x)}}): times in Asia/Shanghai. */
@Component("incidentView")
class IncidentView {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final IncidentClock clock;
    private final IncidentReference reference;
    private final MessageSource messages;

    IncidentView(IncidentClock clock, IncidentReference reference, MessageSource messages) {
        this.clock = clock;
        this.reference = reference;
        this.messages = messages;
    }

    public String time(@Nullable Instant at) {
        return at == null ? "" : TIME.format(at.atZone(clock.zone()));
    }

    /** Value for an {@code <input type="datetime-local">}. */
    public String input(@Nullable Instant at) {
        return at == null ? "" : INPUT.format(at.atZone(clock.zone()));
    }

    public String nowInput() {
        return input(clock.now());
    }

    public String typeName(String code) {
        Locale locale = LocaleContextHolder.getLocale();
        return reference.eventType(code).map(t -> t.name(locale)).orElse(code);
    }

    public String typeName(EventType type) {
        return type.name(LocaleContextHolder.getLocale());
    }

    public String gradeColour(@Nullable Grade grade) {
        if (grade == null) {
            return "";
        }
        return switch (grade) {
            case EXTRAORDINARY -> "red";
            case MAJOR -> "orange";
            case LARGER -> "yellow";
            case GENERAL -> "blue";
        };
    }

    public Obligation.Status status(Obligation o) {
        return o.statusAt(clock.now());
    }

    public String statusClass(Obligation o) {
        return switch (status(o)) {
            case OVERDUE, MET_LATE -> "clock-overdue";
            case DUE_SOON -> "clock-soon";
            case OPEN -> "clock-open";
            case MET -> "clock-met";
            case WAIVED -> "clock-waived";
        };
    }

    /** "1 h 20 min left" / "overdue by 15 min", rendered on the server so it is right without JavaScript. */
    public String countdown(Obligation o) {
        Obligation.Status s = status(o);
        if (s == Obligation.Status.MET || s == Obligation.Status.MET_LATE || s == Obligation.Status.WAIVED) {
            return "";
        }
        Duration d = Duration.between(clock.now(), o.dueAt());
        boolean late = d.isNegative();
        long minutes = Math.abs(d.toMinutes());
        String span = messages.getMessage(
                "incident.clock.span", new Object[] {minutes / 60, minutes % 60}, LocaleContextHolder.getLocale());
        return messages.getMessage(
                late ? "incident.clock.overdueBy" : "incident.clock.left",
                new Object[] {span},
                LocaleContextHolder.getLocale());
    }

    /** Which kind of code each argument of a timeline message is, so it can be shown in the reader's language. */
    private static final java.util.Map<String, List<String>> TIMELINE_ARGS = java.util.Map.of(
            "REPORTED", List.of("type", "channel", "level"),
            "GRADED_INITIAL", List.of("grade", "dimension", "gov"),
            "REGRADED", List.of("grade", "grade", "dimension"),
            "REGRADED_INVESTIGATOR", List.of("grade", "grade", "dimension", "gov", "gov"),
            "REPORT", List.of("reportKind", "level", "recipient"),
            "STATE", List.of("state", "state"),
            "OVERDUE", List.of("level", "recipient"),
            "OBLIGATION_WAIVED", List.of("level", "recipient"));

    /** A timeline entry as a sentence in the current language, its codes replaced by their names. */
    public String timelineText(TimelineEntry entry) {
        Locale locale = LocaleContextHolder.getLocale();
        String suffix = entry.messageKey().substring(entry.messageKey().lastIndexOf('.') + 1);
        List<String> kinds = TIMELINE_ARGS.getOrDefault(suffix, List.of());
        Object[] args = new Object[entry.args().size()];
        for (int i = 0; i < args.length; i++) {
            String arg = entry.args().get(i);
            String kind = i < kinds.size() ? kinds.get(i) : "";
            args[i] = switch (kind) {
                case "" -> arg;
                case "type" -> typeName(arg);
                default ->
                    String.join(
                            "、",
                            java.util.Arrays.stream(arg.split(","))
                                    .map(code ->
                                            messages.getMessage("incident." + kind + "." + code, null, code, locale))
                                    .toList());
            };
        }
        return messages.getMessage(entry.messageKey(), args, entry.messageKey(), locale);
    }
}
