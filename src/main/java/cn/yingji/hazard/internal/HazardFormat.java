package cn.yingji.hazard.internal;

import cn.yingji.geo.Division;
import cn.yingji.geo.Divisions;
import cn.yingji.hazard.HazardCard;
import cn.yingji.shared.DomainException;
import cn.yingji.shared.web.Problems;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Formatting for the hazard pages and exports: local times, division names, cards, localised errors. */
@Component("hazardFormat")
class HazardFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;
    private final Problems problems;
    private final Divisions divisions;

    HazardFormat(@Value("${yingji.zone:Asia/Shanghai}") String zone, Problems problems, Divisions divisions) {
        this.zone = ZoneId.of(zone);
        this.problems = problems;
        this.divisions = divisions;
    }

    /** An instant as local wall-clock time; empty for null. */
    public String time(@Nullable Instant at) {
        return at == null ? "" : TIME.format(at.atZone(zone));
    }

    /** The name of the division (or the grid's village) at this path, with its parent for context. */
    public String place(@Nullable String path) {
        if (path == null) {
            return "";
        }
        Division d = divisions.byPath(path).orElse(null);
        if (d == null) {
            return "";
        }
        if (d.parent() != null) {
            Division parent = divisions.find(d.parent()).orElse(null);
            if (parent != null && parent.parent() != null) {
                return parent.name() + " " + d.name();
            }
        }
        return d.name();
    }

    /** CSS badge class of a card. */
    public String badge(@Nullable HazardCard card) {
        return card == null || card == HazardCard.NONE ? "" : card.name().toLowerCase(java.util.Locale.ROOT);
    }

    String text(String key, Object... args) {
        return problems.text(key, args);
    }

    /** Field → localised message for a form, plus {@code _} for the general message. */
    Map<String, String> errors(DomainException e) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("_", problems.text(e.messageKey(), e.args()));
        for (DomainException.FieldError fe : e.fieldErrors()) {
            out.putIfAbsent(fe.field(), problems.text(fe.messageKey(), fe.args()));
        }
        if (!e.fieldErrors().isEmpty()) {
            StringBuilder all = new StringBuilder(out.get("_"));
            for (DomainException.FieldError fe : e.fieldErrors()) {
                all.append(' ').append(problems.text(fe.messageKey(), fe.args()));
            }
            out.put("_", all.toString());
        }
        return out;
    }

    /** One RFC 4180 CSV row, guarded against spreadsheet formula injection. */
    static void csv(Writer out, List<?> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            String s = safe(cells.get(i));
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                s = '"' + s.replace("\"", "\"\"") + '"';
            }
            out.write(s);
        }
        out.write("\r\n");
    }

    /** A cell value with a leading formula character neutralised. */
    static String safe(@Nullable Object value) {
        String s = value == null ? "" : value.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        return s;
    }
}
