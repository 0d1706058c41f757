package cn.yingji.resource.internal;

import cn.yingji.shared.DomainException;
import cn.yingji.shared.web.Problems;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Formatting for the resource pages (times, capability and category names) and form and import error messages. */
@Component("resourceFormat")
class ResourceFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Pattern ROW = Pattern.compile("row\\[(\\d+)]\\.(.+)");

    private final ZoneId zone;
    private final Problems problems;
    private final JdbcTeamStore teams;
    private final JdbcRegistryStore registries;

    ResourceFormat(
            @Value("${yingji.zone:Asia/Shanghai}") String zone,
            Problems problems,
            JdbcTeamStore teams,
            JdbcRegistryStore registries) {
        this.zone = ZoneId.of(zone);
        this.problems = problems;
        this.teams = teams;
        this.registries = registries;
    }

    private static boolean english() {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage());
    }

    /** An instant as local wall-clock time; empty for null. */
    public String time(@Nullable Instant at) {
        return at == null ? "" : TIME.format(at.atZone(zone));
    }

    /** The localised name of a capability code. */
    public String capability(@Nullable String code) {
        if (code == null) {
            return "";
        }
        String[] n = teams.capabilities().get(code);
        return n == null ? code : english() ? n[1] : n[0];
    }

    /** Capability codes → localised names joined. */
    public String capabilities(@Nullable List<String> codes) {
        if (codes == null) {
            return "";
        }
        return String.join(
                english() ? ", " : "、", codes.stream().map(this::capability).toList());
    }

    /** Capability code → localised name, in table order. */
    public Map<String, String> capabilityOptions() {
        Map<String, String> out = new LinkedHashMap<>();
        teams.capabilities().forEach((k, v) -> out.put(k, english() ? v[1] : v[0]));
        return out;
    }

    /** Equipment category code → localised name. */
    public Map<String, String> categoryOptions() {
        Map<String, String> out = new LinkedHashMap<>();
        registries.categories().forEach((k, v) -> out.put(k, english() ? v[1] : v[0]));
        return out;
    }

    /** The localised display of a registry field value (enums, capabilities, categories, booleans). */
    public String value(Registry.Field f, @Nullable Object v) {
        if (v == null) {
            return "";
        }
        return switch (f.type()) {
            case CAPABILITY -> capability(v.toString());
            case CATEGORY -> categoryOptions().getOrDefault(v.toString(), v.toString());
            case ENUM -> problems.text("resource.option." + v);
            case BOOL -> problems.text(Boolean.TRUE.equals(v) ? "resource.yes" : "resource.no");
            default -> v.toString();
        };
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

    /** One line per problem of an import, e.g. {@code 第 3 行 · 人数：不能为负数}. */
    List<String> importErrors(DomainException e) {
        List<String> out = new ArrayList<>();
        for (DomainException.FieldError fe : e.fieldErrors()) {
            String message = problems.text(fe.messageKey(), fe.args());
            Matcher m = ROW.matcher(fe.field());
            if (m.matches()) {
                out.add(problems.text("resource.import.rowError", m.group(1), label(m.group(2)), message));
            } else {
                out.add(problems.text(e.messageKey(), e.args()) + " " + message);
            }
        }
        if (out.isEmpty()) {
            out.add(problems.text(e.messageKey(), e.args()));
        }
        return out;
    }

    private String label(String field) {
        String key = "resource.field." + field;
        String text = problems.text(key);
        return text.equals(key) ? field : text;
    }

    String text(String key, Object... args) {
        return problems.text(key, args);
    }
}
