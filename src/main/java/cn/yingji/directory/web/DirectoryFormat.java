package cn.yingji.directory.web;

import cn.yingji.shared.DomainException;
import cn.yingji.shared.web.Problems;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Formatting for the directory pages (times in the platform zone) and turning errors into form messages. */
@Component("directoryFormat")
class DirectoryFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final ZoneId zone;
    private final Problems problems;

    DirectoryFormat(@Value("${yingji.zone:Asia/Shanghai}") String zone, Problems problems) {
        this.zone = ZoneId.of(zone);
        this.problems = problems;
    }

    ZoneId zone() {
        return zone;
    }

    /** An instant as local wall-clock time, e.g. {@code 2024-07-01 08:00}; empty for null. */
    public String time(@Nullable Instant at) {
        return at == null ? "" : TIME.format(at.atZone(zone));
    }

    /** An instant as the value of a {@code datetime-local} input. */
    public String input(@Nullable Instant at) {
        return at == null ? "" : INPUT.format(at.atZone(zone));
    }

    /** Parses a {@code datetime-local} value in the platform zone; null when blank or malformed. */
    @Nullable
    Instant parse(@Nullable String local) {
        if (local == null || local.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(local.trim()).atZone(zone).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** Field → localised message for the form, plus {@code _} for the general message. */
    Map<String, String> errors(DomainException e) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("_", problems.text(e.messageKey(), e.args()));
        for (DomainException.FieldError fe : e.fieldErrors()) {
            out.putIfAbsent(fe.field(), problems.text(fe.messageKey(), fe.args()));
        }
        return out;
    }

    String text(String key, Object... args) {
        return problems.text(key, args);
    }
}
