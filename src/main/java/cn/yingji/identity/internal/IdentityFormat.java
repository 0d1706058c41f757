package cn.yingji.identity.internal;

import cn.yingji.identity.Role;
import cn.yingji.shared.DomainException;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.web.Problems;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Formatting and parsing shared by identity's pages and API: times in the platform zone, role names, date bounds,
 * pretty JSON for audit entries, and errors as form messages.
 */
@Component("identityFormat")
class IdentityFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ZoneId zone;
    private final Problems problems;
    private final JsonMapper json;

    IdentityFormat(@Value("${yingji.zone:Asia/Shanghai}") String zone, Problems problems, JsonMapper json) {
        this.zone = ZoneId.of(zone);
        this.problems = problems;
        this.json = json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
    }

    /** An instant as wall-clock time in the platform zone; empty for null. */
    public String time(@Nullable Instant at) {
        return at == null ? "" : TIME.format(at.atZone(zone));
    }

    /** Stored JSON, indented for reading; the text itself if it is not JSON; empty for null. */
    public String pretty(@Nullable String stored) {
        if (stored == null) {
            return "";
        }
        try {
            JsonNode node = json.readTree(stored);
            return json.writeValueAsString(node);
        } catch (RuntimeException e) {
            return stored;
        }
    }

    /** Role names to roles; an unknown name is a field error on {@code roles}. */
    static Set<Role> roles(@Nullable Collection<String> names) {
        Set<Role> out = EnumSet.noneOf(Role.class);
        if (names != null) {
            for (String n : names) {
                if (n == null || n.isBlank()) {
                    continue;
                }
                try {
                    out.add(Role.valueOf(n.trim()));
                } catch (IllegalArgumentException e) {
                    throw InvalidInputException.field("roles", "identity.error.unknownRole", n);
                }
            }
        }
        return out;
    }

    /**
     * A lower time bound: a date (start of that day in the platform zone), a local date-time, or an ISO instant.
     */
    @Nullable
    Instant from(@Nullable String text, String field) {
        return parse(text, field, false);
    }

    /** An exclusive upper bound: a date means up to the end of that day. */
    @Nullable
    Instant to(@Nullable String text, String field) {
        return parse(text, field, true);
    }

    /** A date or local date-time from a form or API, read in the platform zone; a date means its end. */
    @Nullable
    Instant expiry(@Nullable String text) {
        return parse(text, "expiresAt", true);
    }

    private @Nullable Instant parse(@Nullable String text, String field, boolean endOfDay) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        try {
            if (t.length() == 10) {
                LocalDate d = LocalDate.parse(t);
                return (endOfDay ? d.plusDays(1) : d).atStartOfDay(zone).toInstant();
            }
            if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(t).toInstant();
            }
            return LocalDateTime.parse(t).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw InvalidInputException.field(field, "identity.error.time", t);
        }
    }

    /** Field → localised message for a form, plus {@code _} for the general message. */
    Map<String, String> errors(DomainException e) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("_", problems.text(e.messageKey(), e.args()));
        for (DomainException.FieldError fe : e.fieldErrors()) {
            out.putIfAbsent(fe.field(), problems.text(fe.messageKey(), fe.args()));
        }
        return out;
    }
}
