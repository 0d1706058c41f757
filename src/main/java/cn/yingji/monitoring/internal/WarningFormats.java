package cn.yingji.monitoring.internal;

import cn.yingji.monitoring.WarningLevel;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The GB/T 35965.1-style warning message (interop.md §3.2: no namespace, {@code sendTime} with a space, colour as
 * severity, {@code eventType} code, plain-text comma-separated 12-digit {@code geocode}) and the public Atom feed.
 */
final class WarningFormats {

    private static final DateTimeFormatter GB_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ssxxx");

    /** National event-type codes (interop.md §3.2) for our event types where one exists. */
    static final Map<String, String> GB_EVENT = Map.of(
            "TYPHOON", "11B01",
            "RAINSTORM", "11B03",
            "SNOWSTORM", "11B04",
            "COLD_WAVE", "11B05",
            "GALE", "11B06",
            "HEAT", "11B09",
            "LIGHTNING", "11B14",
            "HAIL", "11B15",
            "FOG", "11B17",
            "DROUGHT", "11B22");

    private WarningFormats() {}

    static String gbEventType(String eventType) {
        return GB_EVENT.getOrDefault(eventType, eventType);
    }

    /** File name rule {@code {identifier}_{eventType}_{COLOR}_{msgType}.xml}. */
    static String gbFileName(Warning w) {
        return WarningService.messageIdentifier(w) + "_" + gbEventType(w.eventType()) + "_"
                + w.level().name() + "_" + w.msgType() + ".xml";
    }

    static String gbXml(Warning w, String senderCode, ZoneId zone) {
        StringBuilder x = new StringBuilder(2048);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<alert>\n");
        el(x, "identifier", WarningService.messageIdentifier(w));
        el(x, "sender", w.senderName());
        el(x, "senderCode", w.external() ? w.sender() : senderCode);
        el(x, "sendTime", GB_TIME.format(w.capSent().atZone(zone)));
        el(x, "status", w.drill() ? "Exercise" : "Actual");
        el(x, "msgType", w.msgType());
        el(x, "scope", "Public");
        x.append("  <code>\n    <method>\n      <methodName>WEB</methodName>\n      <message>");
        CapCodec.escape(x, w.title());
        x.append("</message>\n    </method>\n  </code>\n");
        el(x, "secClassification", "None");
        if (!w.references().isBlank()) {
            StringBuilder ids = new StringBuilder();
            for (String ref : w.references().trim().split("\\s+")) {
                String[] p = ref.split(",");
                if (p.length == 3) {
                    ids.append(ids.isEmpty() ? "" : ",").append(p[1]);
                }
            }
            el(x, "references", ids.toString());
        }
        x.append("  <info>\n");
        el(x, "language", "zh-CN");
        el(x, "eventType", gbEventType(w.eventType()));
        el(x, "urgency", "Unknown");
        el(x, "severity", WarningService.COLOUR.get(w.level()));
        el(x, "certainty", "Unknown");
        el(x, "effective", GB_TIME.format(w.effective().atZone(zone)));
        x.append("    <onset/>\n");
        if (w.expires() == null) {
            x.append("    <expires/>\n");
        } else {
            el(x, "expires", GB_TIME.format(w.expires().atZone(zone)));
        }
        el(x, "senderName", w.senderName());
        el(x, "headline", w.title());
        el(x, "description", w.content());
        el(x, "instruction", w.measures());
        x.append("    <area>\n");
        el(x, "areaDesc", w.areaDesc());
        x.append("      <polygon/>\n      <circle/>\n");
        el(x, "geocode", String.join(",", w.divisionCodes()));
        x.append("    </area>\n  </info>\n</alert>\n");
        return x.toString();
    }

    private static void el(StringBuilder x, String name, @Nullable String v) {
        x.append("  <").append(name).append('>');
        if (v != null) {
            CapCodec.escape(x, v);
        }
        x.append("</").append(name).append(">\n");
    }

    /** Atom 1.0 feed of the given (current, public) warnings, each linking to its CAP document. */
    static String atom(List<Warning> warnings, String baseUrl, String title, Instant updated) {
        StringBuilder x = new StringBuilder(4096);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
        x.append("  <id>").append(baseUrl).append("/public/warnings.atom</id>\n  <title>");
        CapCodec.escape(x, title);
        x.append("</title>\n  <updated>").append(updated).append("</updated>\n");
        x.append("  <link rel=\"self\" href=\"").append(baseUrl).append("/public/warnings.atom\"/>\n");
        for (Warning w : warnings) {
            String cap = baseUrl + "/public/warning.cap?id=" + w.id();
            x.append("  <entry>\n    <id>urn:uuid:").append(w.id()).append("</id>\n    <title>");
            CapCodec.escape(x, w.title());
            x.append("</title>\n    <updated>").append(w.updatedAt()).append("</updated>\n");
            x.append("    <author><name>");
            CapCodec.escape(x, w.senderName());
            x.append("</name></author>\n    <summary>");
            CapCodec.escape(x, levelLabel(w.level()) + " " + w.areaDesc());
            x.append("</summary>\n    <link rel=\"alternate\" type=\"application/cap+xml\" href=\"")
                    .append(cap.replace("&", "&amp;"))
                    .append("\"/>\n  </entry>\n");
        }
        x.append("</feed>\n");
        return x.toString();
    }

    private static String levelLabel(WarningLevel l) {
        return switch (l) {
            case RED -> "红色预警";
            case ORANGE -> "橙色预警";
            case YELLOW -> "黄色预警";
            case BLUE -> "蓝色预警";
        };
    }
}
