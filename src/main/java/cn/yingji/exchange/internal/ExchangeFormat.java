package cn.yingji.exchange.internal;

import cn.yingji.shared.DomainException;
import cn.yingji.shared.web.Problems;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Formatting for the exchange pages and form error messages. */
@Component("exchangeFormat")
class ExchangeFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ZoneId zone;
    private final Problems problems;

    ExchangeFormat(@Value("${yingji.zone:Asia/Shanghai}") String zone, Problems problems) {
        this.zone = ZoneId.of(zone);
        this.problems = problems;
    }

    public String time(@Nullable Instant at) {
        return at == null ? "" : TIME.format(at.atZone(zone));
    }

    /** The last segments of division paths as codes, comma separated. */
    public String codes(List<String> paths) {
        return String.join(", ", paths.stream().map(Representations::codeOf).toList());
    }

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
