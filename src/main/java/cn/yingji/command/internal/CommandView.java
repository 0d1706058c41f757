package cn.yingji.command.internal;

import cn.yingji.command.PlanMatch;
import cn.yingji.command.Task;
import cn.yingji.incident.Incidents;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Formatting helpers for the command templates ({@code @commandView}). */
@Component("commandView")
class CommandView {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final CommandSupport.CommandClock clock;
    private final MessageSource messages;
    private final Incidents incidents;

    CommandView(CommandSupport.CommandClock clock, MessageSource messages, Incidents incidents) {
        this.clock = clock;
        this.messages = messages;
        this.incidents = incidents;
    }

    public String time(@Nullable Instant at) {
        return at == null ? "" : TIME.format(at.atZone(clock.zone()));
    }

    public String localInput(Instant at) {
        return INPUT.format(at.atZone(clock.zone()));
    }

    /** CSS class of a task's state, with overdue winning. */
    public String taskClass(Task t) {
        if (t.overdueAt(clock.now())) {
            return "task-overdue";
        }
        return "task-" + t.state().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean overdue(Task t) {
        return t.overdueAt(clock.now());
    }

    /** A match reason in the viewer's language; grade, level and lead codes are translated. */
    public String typeName(String code) {
        return typeName(code, LocaleContextHolder.getLocale());
    }

    public String reason(PlanMatch.Reason r) {
        Locale locale = LocaleContextHolder.getLocale();
        Object[] args = r.args().toArray();
        switch (r.key()) {
            case "command.match.type" -> args[0] = typeName(r.args().get(0), locale);
            case "command.match.lead" ->
                args[0] = text("command.lead." + r.args().get(0), locale);
            case "command.match.level" -> {
                args[0] = r.args().get(0).isEmpty()
                        ? ""
                        : text("incident.grade." + r.args().get(0), locale);
                args[1] = text("command.level." + r.args().get(1), locale);
            }
            default -> {}
        }
        return messages.getMessage(r.key(), args, r.key(), locale);
    }

    private String typeName(String code, Locale locale) {
        return incidents.eventType(code).map(t -> t.name(locale)).orElse(code);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
