package cn.yingji.risk.internal;

import cn.yingji.risk.RiskBand;
import cn.yingji.risk.RiskColour;
import cn.yingji.shared.DomainException;
import cn.yingji.shared.web.Problems;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Formatting for the risk pages (times in the platform zone, colours, bands) and form error messages. */
@Component("riskFormat")
class RiskFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;
    private final Problems problems;

    RiskFormat(@Value("${yingji.zone:Asia/Shanghai}") String zone, Problems problems) {
        this.zone = ZoneId.of(zone);
        this.problems = problems;
    }

    /** An instant as local wall-clock time; empty for null. */
    public String time(@Nullable Instant at) {
        return at == null ? "" : TIME.format(at.atZone(zone));
    }

    /** CSS badge class of a colour ({@code red} …); empty for null. */
    public String badge(@Nullable RiskColour c) {
        return c == null ? "" : c.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** A number without trailing zeros; empty for null. */
    public String num(@Nullable BigDecimal d) {
        return d == null ? "" : JdbcRiskStore.plain(d).toPlainString();
    }

    /** The localised band label, or the label code itself when no message exists. */
    public String bandLabel(@Nullable String label) {
        if (label == null) {
            return "";
        }
        String key = "risk.band." + label;
        String text = problems.text(key);
        return text.equals(key) ? label : text;
    }

    /** The band's interval in mathematical notation, e.g. {@code [70, 160)}. */
    public String interval(RiskBand b) {
        return (b.lower() == null ? "(-∞" : (b.lowerInclusive() ? "[" : "(") + num(b.lower())) + ", "
                + (b.upper() == null ? "+∞)" : num(b.upper()) + (b.upperInclusive() ? "]" : ")"));
    }

    /** The localised text of a factor value, e.g. {@code LEC.L.10} → 完全可以预料; the value when unknown. */
    public String factor(String method, String factor, BigDecimal value) {
        String key = "risk.factor." + method + "." + factor + "." + num(value);
        String text = problems.text(key);
        return text.equals(key) ? num(value) : num(value) + " — " + text;
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

    String text(String key, Object... args) {
        return problems.text(key, args);
    }

    /** One RFC 4180 CSV row, guarded against spreadsheet formula injection. */
    static void csv(Writer out, List<?> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            Object value = cells.get(i);
            String s = value == null ? "" : value.toString();
            if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
                s = "'" + s;
            }
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                s = '"' + s.replace("\"", "\"\"") + '"';
            }
            out.write(s);
        }
        out.write("\r\n");
    }
}
