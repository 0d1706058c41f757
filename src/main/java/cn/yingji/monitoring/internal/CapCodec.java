package cn.yingji.monitoring.internal;

import cn.yingji.monitoring.internal.CapAlert.Area;
import cn.yingji.monitoring.internal.CapAlert.Info;
import cn.yingji.monitoring.internal.CapAlert.Pair;
import cn.yingji.monitoring.internal.CapAlert.Resource;
import cn.yingji.shared.DomainException.FieldError;
import cn.yingji.shared.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads and writes CAP. Reading is safe by construction: DOCTYPE declarations are refused by the parser before any
 * entity or DTD could be resolved, external entities, external DTD/schema access and XInclude are off, and the size
 * is limited. CAP 1.2 is validated against the official schema; on top of it (and for 1.0/1.1) semantic checks
 * report each problem with its path. Writing produces CAP 1.2 that validates against the schema: times as
 * {@code YYYY-MM-DDThh:mm:ss±hh:mm} (no {@code Z}, no fractions; UTC as {@code -00:00}).
 */
final class CapCodec {

    static final String NS10 = "http://www.incident.com/cap/1.0";
    static final String NS11 = "urn:oasis:names:tc:emergency:cap:1.1";
    static final String NS12 = "urn:oasis:names:tc:emergency:cap:1.2";

    static final DateTimeFormatter CAP_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");
    private static final Pattern CAP_TIME_PATTERN =
            Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d([.]\\d+)?([-+]\\d\\d:\\d\\d|Z)");
    private static final Pattern NO_SPACE_COMMA = Pattern.compile("[^\\s,<&]+");
    private static final Pattern PAIR = Pattern.compile("[-+]?\\d+(\\.\\d+)?,[-+]?\\d+(\\.\\d+)?");
    private static final Set<String> STATUS = Set.of("Actual", "Exercise", "System", "Test", "Draft");
    private static final Set<String> MSG = Set.of("Alert", "Update", "Cancel", "Ack", "Error");
    private static final Set<String> SCOPE = Set.of("Public", "Restricted", "Private");

    private static volatile @Nullable Schema schema;

    private CapCodec() {}

    static Schema schema() {
        Schema s = schema;
        if (s == null) {
            try {
                SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
                f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
                URL xsd = CapCodec.class.getResource("/monitoring/CAP-v1.2.xsd");
                s = f.newSchema(new StreamSource(xsd.toExternalForm()));
                schema = s;
            } catch (SAXException e) {
                throw new IllegalStateException("CAP schema unreadable", e);
            }
        }
        return s;
    }

    // ---- reading

    /** Parses CAP 1.0, 1.1 or 1.2; every problem is reported as a field error with its path. */
    static CapAlert parse(byte[] xml, int maxBytes) {
        if (xml.length > maxBytes) {
            throw InvalidInputException.field("/", "monitoring.error.capTooLarge", maxBytes);
        }
        Document doc;
        try {
            DocumentBuilder b = secureFactory().newDocumentBuilder();
            List<FieldError> parseErrors = new ArrayList<>();
            b.setErrorHandler(collecting(parseErrors));
            doc = b.parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            String msg = e.getMessage() == null ? "" : e.getMessage();
            if (msg.contains("DOCTYPE")) {
                throw InvalidInputException.field("/", "monitoring.error.capDoctype");
            }
            throw InvalidInputException.field(
                    "line " + e.getLineNumber() + ":" + e.getColumnNumber(), "monitoring.error.capMalformed", msg);
        } catch (SAXException | IOException e) {
            throw InvalidInputException.field("/", "monitoring.error.capMalformed", String.valueOf(e.getMessage()));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        Element root = doc.getDocumentElement();
        String ns = root.getNamespaceURI();
        String version;
        if (NS12.equals(ns)) {
            version = "1.2";
        } else if (NS11.equals(ns)) {
            version = "1.1";
        } else if (NS10.equals(ns)) {
            version = "1.0";
        } else {
            throw InvalidInputException.field(
                    "/" + root.getLocalName(), "monitoring.error.capNamespace", String.valueOf(ns));
        }
        if (!"alert".equals(root.getLocalName())) {
            throw InvalidInputException.field("/" + root.getLocalName(), "monitoring.error.capRoot");
        }
        List<FieldError> errors = new ArrayList<>();
        if (version.equals("1.2")) {
            try {
                Validator v = schema().newValidator();
                v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
                v.setErrorHandler(collecting(errors));
                // the bytes were parsed above by the DOCTYPE-refusing parser, so they carry no DTD; validating the
                // stream (not the DOM) keeps line numbers for the error paths
                v.validate(new StreamSource(new ByteArrayInputStream(xml)));
            } catch (SAXException | IOException e) {
                errors.add(new FieldError("/alert", "monitoring.error.capSchema", String.valueOf(e.getMessage())));
            }
        }
        CapAlert alert = read(root, ns, version, errors);
        semantic(alert, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("monitoring.error.capRejected", errors);
        }
        return alert;
    }

    static DocumentBuilderFactory secureFactory() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        return f;
    }

    private static ErrorHandler collecting(List<FieldError> errors) {
        return new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {}

            @Override
            public void error(SAXParseException e) {
                errors.add(new FieldError(
                        "line " + e.getLineNumber() + ":" + e.getColumnNumber(),
                        "monitoring.error.capSchema",
                        String.valueOf(e.getMessage())));
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXException {
                throw e;
            }
        };
    }

    private static CapAlert read(Element root, String ns, String version, List<FieldError> errors) {
        String p = "/alert";
        List<Info> infos = new ArrayList<>();
        List<Element> infoEls = children(root, ns, "info");
        for (int i = 0; i < infoEls.size(); i++) {
            infos.add(info(infoEls.get(i), ns, p + "/info[" + (i + 1) + "]", errors));
        }
        return new CapAlert(
                version,
                req(root, ns, "identifier", p, errors),
                req(root, ns, "sender", p, errors),
                time(root, ns, "sent", p, errors, true),
                req(root, ns, "status", p, errors),
                req(root, ns, "msgType", p, errors),
                opt(root, ns, "source"),
                req(root, ns, "scope", p, errors),
                opt(root, ns, "restriction"),
                opt(root, ns, "addresses"),
                texts(root, ns, "code"),
                opt(root, ns, "note"),
                optKeepEmpty(root, ns, "references"),
                opt(root, ns, "incidents"),
                infos);
    }

    private static Info info(Element e, String ns, String p, List<FieldError> errors) {
        List<Area> areas = new ArrayList<>();
        List<Element> areaEls = children(e, ns, "area");
        for (int i = 0; i < areaEls.size(); i++) {
            Element a = areaEls.get(i);
            areas.add(new Area(
                    req(a, ns, "areaDesc", p + "/area[" + (i + 1) + "]", errors),
                    texts(a, ns, "polygon"),
                    texts(a, ns, "circle"),
                    pairs(a, ns, "geocode"),
                    opt(a, ns, "altitude"),
                    opt(a, ns, "ceiling")));
        }
        List<Resource> resources = new ArrayList<>();
        for (Element r : children(e, ns, "resource")) {
            resources.add(new Resource(
                    String.valueOf(opt(r, ns, "resourceDesc")),
                    String.valueOf(opt(r, ns, "mimeType")),
                    opt(r, ns, "size"),
                    opt(r, ns, "uri"),
                    opt(r, ns, "digest")));
        }
        List<String> categories = texts(e, ns, "category");
        if (categories.isEmpty()) {
            errors.add(new FieldError(p + "/category", "monitoring.error.capMissing"));
        }
        return new Info(
                opt(e, ns, "language"),
                categories,
                req(e, ns, "event", p, errors),
                texts(e, ns, "responseType"),
                req(e, ns, "urgency", p, errors),
                req(e, ns, "severity", p, errors),
                req(e, ns, "certainty", p, errors),
                opt(e, ns, "audience"),
                pairs(e, ns, "eventCode"),
                time(e, ns, "effective", p, errors, false),
                time(e, ns, "onset", p, errors, false),
                time(e, ns, "expires", p, errors, false),
                opt(e, ns, "senderName"),
                opt(e, ns, "headline"),
                opt(e, ns, "description"),
                opt(e, ns, "instruction"),
                opt(e, ns, "web"),
                opt(e, ns, "contact"),
                pairs(e, ns, "parameter"),
                resources,
                areas);
    }

    /** Checks beyond the schema, each reported with the element's path. */
    private static void semantic(CapAlert a, List<FieldError> errors) {
        if (!a.identifier().isEmpty() && !NO_SPACE_COMMA.matcher(a.identifier()).matches()) {
            errors.add(new FieldError("/alert/identifier", "monitoring.error.capIdentifier"));
        }
        if (!a.sender().isEmpty() && !NO_SPACE_COMMA.matcher(a.sender()).matches()) {
            errors.add(new FieldError("/alert/sender", "monitoring.error.capIdentifier"));
        }
        if (!a.status().isEmpty() && !STATUS.contains(a.status())) {
            errors.add(new FieldError("/alert/status", "monitoring.error.capEnum", a.status()));
        }
        if (!a.msgType().isEmpty() && !MSG.contains(a.msgType())) {
            errors.add(new FieldError("/alert/msgType", "monitoring.error.capEnum", a.msgType()));
        }
        if (!a.scope().isEmpty() && !SCOPE.contains(a.scope())) {
            errors.add(new FieldError("/alert/scope", "monitoring.error.capEnum", a.scope()));
        }
        if (a.restriction() != null && !"Restricted".equals(a.scope())) {
            errors.add(new FieldError("/alert/restriction", "monitoring.error.capRestriction"));
        }
        if ("Private".equals(a.scope()) && a.addresses() == null) {
            errors.add(new FieldError("/alert/addresses", "monitoring.error.capMissing"));
        }
        if (a.references() != null) {
            String refs = a.references().trim();
            if (refs.isEmpty()) {
                errors.add(new FieldError("/alert/references", "monitoring.error.capReferencesEmpty"));
            } else {
                for (String ref : refs.split("\\s+")) {
                    String[] parts = ref.split(",");
                    if (parts.length != 3 || parseTime(parts[2]) == null) {
                        errors.add(new FieldError("/alert/references", "monitoring.error.capReference", ref));
                    } else if (parts[0].equals(a.sender()) && parts[1].equals(a.identifier())) {
                        errors.add(new FieldError("/alert/references", "monitoring.error.capCircular", ref));
                    }
                }
            }
        }
        if (("Update".equals(a.msgType()) || "Cancel".equals(a.msgType())) && a.references() == null) {
            errors.add(new FieldError("/alert/references", "monitoring.error.capMissing"));
        }
        for (int i = 0; i < a.infos().size(); i++) {
            Info info = a.infos().get(i);
            String p = "/alert/info[" + (i + 1) + "]";
            if ("Very Likely".equals(info.certainty()) && "1.2".equals(a.version())) {
                errors.add(new FieldError(p + "/certainty", "monitoring.error.capEnum", info.certainty()));
            }
            if (info.effective() != null
                    && info.expires() != null
                    && info.expires().isBefore(info.effective())) {
                errors.add(new FieldError(p + "/expires", "monitoring.error.capExpiresBefore"));
            }
            for (int j = 0; j < info.areas().size(); j++) {
                Area area = info.areas().get(j);
                String ap = p + "/area[" + (j + 1) + "]";
                for (int k = 0; k < area.polygons().size(); k++) {
                    if (!polygonOk(area.polygons().get(k))) {
                        errors.add(new FieldError(ap + "/polygon[" + (k + 1) + "]", "monitoring.error.capPolygon"));
                    }
                }
                for (int k = 0; k < area.circles().size(); k++) {
                    if (!area.circles()
                            .get(k)
                            .trim()
                            .matches("[-+]?\\d+(\\.\\d+)?,[-+]?\\d+(\\.\\d+)?\\s+\\d+(\\.\\d+)?")) {
                        errors.add(new FieldError(ap + "/circle[" + (k + 1) + "]", "monitoring.error.capCircle"));
                    }
                }
                if (area.ceiling() != null && area.altitude() == null) {
                    errors.add(new FieldError(ap + "/ceiling", "monitoring.error.capCeiling"));
                }
            }
        }
    }

    /** At least four {@code lat,lon} pairs, in range, first equal to last. */
    static boolean polygonOk(String polygon) {
        String[] pairs = polygon.trim().split("\\s+");
        if (pairs.length < 4 || !pairs[0].equals(pairs[pairs.length - 1])) {
            return false;
        }
        for (String pair : pairs) {
            if (!PAIR.matcher(pair).matches()) {
                return false;
            }
            String[] ll = pair.split(",");
            double lat = Double.parseDouble(ll[0]);
            double lon = Double.parseDouble(ll[1]);
            if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
                return false;
            }
        }
        return true;
    }

    static @Nullable OffsetDateTime parseTime(String s) {
        String t = s.trim();
        if (!CAP_TIME_PATTERN.matcher(t).matches()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(t);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static @Nullable OffsetDateTime time(
            Element e, String ns, String name, String p, List<FieldError> errors, boolean required) {
        String s = required ? req(e, ns, name, p, errors) : opt(e, ns, name);
        if (s == null || s.isEmpty()) {
            return null;
        }
        OffsetDateTime t = parseTime(s);
        if (t == null) {
            errors.add(new FieldError(p + "/" + name, "monitoring.error.capTime", s));
        }
        return t;
    }

    private static List<Element> children(Element parent, String ns, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element el && ns.equals(el.getNamespaceURI()) && name.equals(el.getLocalName())) {
                out.add(el);
            }
        }
        return out;
    }

    private static String req(Element e, String ns, String name, String p, List<FieldError> errors) {
        String s = opt(e, ns, name);
        if (s == null || s.isBlank()) {
            errors.add(new FieldError(p + "/" + name, "monitoring.error.capMissing"));
            return "";
        }
        return s;
    }

    private static @Nullable String opt(Element e, String ns, String name) {
        List<Element> c = children(e, ns, name);
        if (c.isEmpty()) {
            return null;
        }
        String s = c.get(0).getTextContent();
        return s == null || s.isEmpty() ? null : s;
    }

    private static @Nullable String optKeepEmpty(Element e, String ns, String name) {
        List<Element> c = children(e, ns, name);
        return c.isEmpty() ? null : c.get(0).getTextContent();
    }

    private static List<String> texts(Element e, String ns, String name) {
        List<String> out = new ArrayList<>();
        for (Element c : children(e, ns, name)) {
            out.add(c.getTextContent());
        }
        return out;
    }

    private static List<Pair> pairs(Element e, String ns, String name) {
        List<Pair> out = new ArrayList<>();
        for (Element c : children(e, ns, name)) {
            out.add(new Pair(String.valueOf(opt(c, ns, "valueName")), String.valueOf(opt(c, ns, "value"))));
        }
        return out;
    }

    // ---- writing

    static String formatTime(OffsetDateTime t) {
        String s = CAP_TIME.format(t.withNano(0));
        return s.endsWith("+00:00") ? s.substring(0, s.length() - 6) + "-00:00" : s;
    }

    /** Writes CAP 1.2. */
    static String write(CapAlert a) {
        StringBuilder x = new StringBuilder(4096);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<alert xmlns=\"")
                .append(NS12)
                .append("\">\n");
        el(x, 1, "identifier", a.identifier());
        el(x, 1, "sender", a.sender());
        el(x, 1, "sent", formatTime(a.sent()));
        el(x, 1, "status", a.status());
        el(x, 1, "msgType", a.msgType());
        el(x, 1, "source", a.source());
        el(x, 1, "scope", a.scope());
        el(x, 1, "restriction", a.restriction());
        el(x, 1, "addresses", a.addresses());
        a.codes().forEach(c -> el(x, 1, "code", c));
        el(x, 1, "note", a.note());
        el(x, 1, "references", a.references());
        el(x, 1, "incidents", a.incidents());
        for (Info i : a.infos()) {
            x.append("  <info>\n");
            el(x, 2, "language", i.language());
            i.categories().forEach(c -> el(x, 2, "category", c));
            el(x, 2, "event", i.event());
            i.responseTypes().forEach(r -> el(x, 2, "responseType", r));
            el(x, 2, "urgency", i.urgency());
            el(x, 2, "severity", i.severity());
            el(x, 2, "certainty", i.certainty());
            el(x, 2, "audience", i.audience());
            i.eventCodes().forEach(p -> pair(x, 2, "eventCode", p));
            el(x, 2, "effective", i.effective() == null ? null : formatTime(i.effective()));
            el(x, 2, "onset", i.onset() == null ? null : formatTime(i.onset()));
            el(x, 2, "expires", i.expires() == null ? null : formatTime(i.expires()));
            el(x, 2, "senderName", i.senderName());
            el(x, 2, "headline", i.headline());
            el(x, 2, "description", i.description());
            el(x, 2, "instruction", i.instruction());
            el(x, 2, "web", i.web());
            el(x, 2, "contact", i.contact());
            i.parameters().forEach(p -> pair(x, 2, "parameter", p));
            for (Resource r : i.resources()) {
                x.append("    <resource>\n");
                el(x, 3, "resourceDesc", r.desc());
                el(x, 3, "mimeType", r.mimeType());
                el(x, 3, "size", r.size());
                el(x, 3, "uri", r.uri());
                el(x, 3, "digest", r.digest());
                x.append("    </resource>\n");
            }
            for (Area ar : i.areas()) {
                x.append("    <area>\n");
                el(x, 3, "areaDesc", ar.areaDesc());
                ar.polygons().forEach(p -> el(x, 3, "polygon", p));
                ar.circles().forEach(c -> el(x, 3, "circle", c));
                ar.geocodes().forEach(g -> pair(x, 3, "geocode", g));
                el(x, 3, "altitude", ar.altitude());
                el(x, 3, "ceiling", ar.ceiling());
                x.append("    </area>\n");
            }
            x.append("  </info>\n");
        }
        x.append("</alert>\n");
        return x.toString();
    }

    /** Validates a CAP 1.2 document against the official schema; answers the errors (empty when valid). */
    static List<String> validate(String xml) {
        List<String> problems = new ArrayList<>();
        try {
            Validator v = schema().newValidator();
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            v.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {}

                @Override
                public void error(SAXParseException e) {
                    problems.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
                }

                @Override
                public void fatalError(SAXParseException e) {
                    problems.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
                }
            });
            v.validate(new StreamSource(new StringReader(xml)));
        } catch (SAXException | IOException e) {
            problems.add(String.valueOf(e.getMessage()));
        }
        return problems;
    }

    private static void pair(StringBuilder x, int depth, String name, Pair p) {
        indent(x, depth).append('<').append(name).append(">\n");
        el(x, depth + 1, "valueName", p.name());
        el(x, depth + 1, "value", p.value());
        indent(x, depth).append("</").append(name).append(">\n");
    }

    private static void el(StringBuilder x, int depth, String name, @Nullable String value) {
        if (value == null) {
            return;
        }
        indent(x, depth).append('<').append(name).append('>');
        escape(x, value);
        x.append("</").append(name).append(">\n");
    }

    private static StringBuilder indent(StringBuilder x, int depth) {
        for (int i = 0; i < depth; i++) {
            x.append("  ");
        }
        return x;
    }

    static void escape(StringBuilder x, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> x.append("&lt;");
                case '>' -> x.append("&gt;");
                case '&' -> x.append("&amp;");
                case '"' -> x.append("&quot;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                        x.append(' ');
                    } else {
                        x.append(c);
                    }
                }
            }
        }
    }
}
