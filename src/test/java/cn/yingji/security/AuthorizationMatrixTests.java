package cn.yingji.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import cn.yingji.directory.Directory;
import cn.yingji.directory.DirectoryManagement;
import cn.yingji.directory.NewOrganisation;
import cn.yingji.directory.OrganisationId;
import cn.yingji.directory.OrganisationKind;
import cn.yingji.directory.SocialCreditCode;
import cn.yingji.geo.Divisions;
import cn.yingji.incident.Casualties;
import cn.yingji.incident.IncidentManagement;
import cn.yingji.incident.NewIncident;
import cn.yingji.incident.ReportChannel;
import cn.yingji.incident.ReportingLevel;
import cn.yingji.risk.InventoryLine;
import cn.yingji.risk.MajorHazardManagement;
import cn.yingji.risk.NewMajorHazardSource;
import cn.yingji.risk.NewRiskPoint;
import cn.yingji.risk.RiskManagement;
import cn.yingji.risk.UnitKind;
import cn.yingji.support.MatrixContribution;
import cn.yingji.support.TestUsers;
import cn.yingji.support.YingjiTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The jurisdiction matrix: every endpoint of the platform, API and pages alike, asked by a township officer of
 * 明光路街道 about data of other districts.
 *
 * <ul>
 *   <li>Every endpoint with an identifier in its path is called with a foreign identifier: reads answer 404 (403
 *       where the role may not use the endpoint at all), writes never succeed.
 *   <li>Every endpoint without one (lists, maps, exports, counts) is called plainly and with foreign filter
 *       parameters, and no division or grid code outside the officer's township (other than its ancestors) may
 *       appear in what it answers.
 *   <li>An endpoint missing from {@link #FOREIGN} fails the test, so new endpoints must join the matrix.
 * </ul>
 */
@YingjiTest
class AuthorizationMatrixTests {

    private static final String OFFICER = "township.mingguang";
    private static final String SCOPE = "/340100000000/340102000000/340102001000/";
    private static final Set<String> ANCESTORS = Set.of("340100000000", "340102000000");
    private static final String FOREIGN_DISTRICT = "340103000000";
    private static final Pattern CODE = Pattern.compile("(?<!\\d)(3401\\d{8}(?:\\d{3})?)(?!\\d)");

    /** Path prefixes of endpoints that are not about places, or only about the caller. */
    private static final List<String> NOT_PLACE_BOUND = List.of("/login", "/error", "/v3/api-docs", "/swagger-ui");

    private final MockMvc mvc;
    private final TestUsers users;
    private final JdbcClient jdbc;
    private final RequestMappingHandlerMapping mappings;
    private final Divisions divisions;
    private final IncidentManagement incidents;
    private final RiskManagement risk;
    private final MajorHazardManagement hazards;
    private final DirectoryManagement directory;
    private final Directory directoryReads;

    /** For each path-variable pattern, how to find the identifier of a row outside the officer's township. */
    private final Map<String, Supplier<String>> FOREIGN = new LinkedHashMap<>();

    AuthorizationMatrixTests(
            MockMvc mvc,
            TestUsers users,
            JdbcClient jdbc,
            Divisions divisions,
            IncidentManagement incidents,
            RiskManagement risk,
            MajorHazardManagement hazards,
            DirectoryManagement directory,
            Directory directoryReads,
            org.springframework.beans.factory.ObjectProvider<MatrixContribution> contributions,
            @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
                    RequestMappingHandlerMapping mappings) {
        this.divisions = divisions;
        this.incidents = incidents;
        this.risk = risk;
        this.hazards = hazards;
        this.directory = directory;
        this.directoryReads = directoryReads;
        this.mvc = mvc;
        this.users = users;
        this.jdbc = jdbc;
        this.mappings = mappings;
        FOREIGN.put("{code}@divisions", () -> FOREIGN_DISTRICT);
        FOREIGN.put("{code}@grids", () -> foreignId("geo.grids", "code", "path"));
        FOREIGN.put("{id}@organisations", () -> foreignId("directory.organisations", "id", "division_path"));
        FOREIGN.put("{id}@persons", () -> foreignId("directory.persons", "id", "division_path"));
        FOREIGN.put("{id}@positions", () -> foreignId("directory.positions", "id", "division_path"));
        FOREIGN.put("{id}@shifts", () -> foreignId("directory.shifts", "id", "division_path"));
        FOREIGN.put("{id}@users", () -> foreignId("identity.users", "id", "home_path"));
        FOREIGN.put("{id}@tokens", this::someoneElsesToken);
        FOREIGN.put("{kind}@holders", () -> "PRIMARY");
        FOREIGN.put("{id}@incidents", () -> foreignIncident().toString());
        FOREIGN.put("{id}@points", () -> foreignRiskPoint().toString());
        FOREIGN.put("{id}@hazard-sources", () -> foreignHazardSource().toString());
        // Identifiers below an already foreign parent: any value must answer 404.
        for (String child : List.of(
                "{attachmentId}@attachments",
                "{aid}@attachments",
                "{reportId}@reports",
                "{instructionId}@instructions",
                "{iid}@instructions",
                "{measureId}@measures")) {
            FOREIGN.put(child, () -> java.util.UUID.randomUUID().toString());
        }
        // Platform-wide configuration and pages, not bound to a place: reads may answer, writes need a role.
        FOREIGN.put("{slug}@systems", () -> "command");
        FOREIGN.put("{method}@bands", () -> "LEC");
        FOREIGN.put("{id}@rules", () -> "1");
        FOREIGN.put("{code}@schemes", () -> "PRODUCTION_SAFETY");
        FOREIGN.put("{code}@types", () -> "FIRE");
        FOREIGN.put("{scheme}@thresholds", () -> "PRODUCTION_SAFETY");
        FOREIGN.put("{dimension}@{scheme}", () -> "DEATHS");
        FOREIGN.put("{grade}@{dimension}", () -> "MAJOR");
        for (MatrixContribution c : contributions.orderedStream().toList()) {
            FOREIGN.putAll(c.foreignIdentifiers());
            PLATFORM_WIDE.addAll(c.platformWidePrefixes());
        }
    }

    private static final Set<String> PLATFORM_WIDE = new java.util.concurrent.CopyOnWriteArraySet<>();

    /** Configuration endpoints: not about a place, so a read may succeed; a write still needs an administrator. */
    private static boolean platformWide(String pattern) {
        return PLATFORM_WIDE.stream().anyMatch(pattern::startsWith)
                || pattern.startsWith("/systems/")
                || pattern.contains("/bands/")
                || pattern.startsWith("/incidents/admin/")
                || pattern.startsWith("/api/v1/incidents/config/");
    }

    private UUID foreignIncidentId;
    private UUID foreignRiskPointId;

    /** A point inside 庐阳区, found from its grids and confirmed by the spatial index. */
    private double[] pointInForeignDistrict() {
        List<double[]> candidates = jdbc.sql(
                        "select (@@ outline)[0], (@@ outline)[1] from geo.grids where path like :p order by code limit 50")
                .param("p", "/340100000000/" + FOREIGN_DISTRICT + "/%")
                .query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2)})
                .list();
        for (double[] c : candidates) {
            var loc = divisions.locate(c[0], c[1]);
            if (loc.isPresent() && loc.get().path().startsWith("/340100000000/" + FOREIGN_DISTRICT + "/")) {
                return c;
            }
        }
        throw new AssertionError("no point found inside " + FOREIGN_DISTRICT);
    }

    private synchronized UUID foreignIncident() {
        if (foreignIncidentId == null) {
            double[] p = pointInForeignDistrict();
            SecurityContextHolder.clearContext();
            foreignIncidentId = incidents
                    .report(
                            new NewIncident(
                                    "INDUSTRIAL_TRADE",
                                    "矩阵测试事故",
                                    Instant.now().minusSeconds(600),
                                    null,
                                    ReportingLevel.COUNTY,
                                    p[0],
                                    p[1],
                                    "庐阳区某路",
                                    "王五",
                                    null,
                                    ReportChannel.PHONE,
                                    null,
                                    null,
                                    new Casualties(0, 0, 1, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO),
                                    "授权矩阵测试",
                                    false),
                            null)
                    .incident()
                    .id()
                    .value();
        }
        return foreignIncidentId;
    }

    private UUID foreignHazardSourceId;

    private synchronized UUID foreignHazardSource() {
        if (foreignHazardSourceId == null) {
            SecurityContextHolder.clearContext();
            // Deterministic id and credit code, so a second run in the same database reuses the enterprise.
            OrganisationId enterpriseId = new OrganisationId(UUID.nameUUIDFromBytes("matrix-enterprise".getBytes()));
            if (directoryReads.findOrganisation(enterpriseId).isEmpty()) {
                String first17 = "91340103MA2N8K7Q4";
                directory.createOrganisation(
                        enterpriseId,
                        new NewOrganisation(
                                OrganisationKind.ENTERPRISE,
                                "矩阵测试化工有限公司",
                                null,
                                first17 + SocialCreditCode.checkCharacter(first17),
                                null,
                                "/340100000000/" + FOREIGN_DISTRICT + "/",
                                null,
                                null,
                                null));
            }
            UUID enterprise = enterpriseId.value();
            SecurityContextHolder.clearContext();
            foreignHazardSourceId = hazards.create(new NewMajorHazardSource(
                            "矩阵测试储罐区",
                            UnitKind.STORAGE,
                            enterprise,
                            20,
                            List.of(new InventoryLine("ammonia", null, null, null, new BigDecimal("12")))))
                    .value();
        }
        return foreignHazardSourceId;
    }

    private synchronized UUID foreignRiskPoint() {
        if (foreignRiskPointId == null) {
            SecurityContextHolder.clearContext();
            foreignRiskPointId = risk.create(new NewRiskPoint(
                            "矩阵测试风险点", "PLACE", "授权矩阵测试", null, "340103001000", null, "庐阳区", null, null))
                    .value();
        }
        return foreignRiskPointId;
    }

    private String foreignId(String table, String idColumn, String pathColumn) {
        return jdbc.sql("select " + idColumn + "::text from " + table + " where " + pathColumn
                        + " not like :scope order by 1 limit 1")
                .param("scope", SCOPE + "%")
                .query(String.class)
                .optional()
                .orElseThrow(() -> new AssertionError("no row outside the township in " + table));
    }

    private String someoneElsesToken() {
        return jdbc.sql("""
                        insert into identity.api_tokens (id, user_id, name, token_prefix, token_hash)
                        select gen_random_uuid(), id, 'matrix', 'yj_x', md5(random()::text) from identity.users
                        where username = 'duty' returning id::text
                        """).query(String.class).single();
    }

    record Endpoint(HttpMethod method, String pattern, String handler) {
        boolean hasPathVariables() {
            return pattern.contains("{");
        }

        boolean isRead() {
            return method == HttpMethod.GET;
        }
    }

    List<Endpoint> endpoints() {
        List<Endpoint> out = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e :
                mappings.getHandlerMethods().entrySet()) {
            String handler = e.getValue().getBeanType().getName();
            if (!handler.startsWith("cn.yingji.")) {
                continue;
            }
            Set<String> patterns = e.getKey().getPatternValues();
            Set<org.springframework.web.bind.annotation.RequestMethod> methods =
                    e.getKey().getMethodsCondition().getMethods();
            for (String pattern : patterns) {
                if (NOT_PLACE_BOUND.stream().anyMatch(pattern::startsWith)) {
                    continue;
                }
                if (methods.isEmpty()) {
                    out.add(new Endpoint(HttpMethod.GET, pattern, handler));
                }
                for (var m : methods) {
                    out.add(new Endpoint(HttpMethod.valueOf(m.name()), pattern, handler));
                }
            }
        }
        out.sort(java.util.Comparator.comparing(Endpoint::pattern)
                .thenComparing(x -> x.method().name()));
        return out;
    }

    /** Resolves every path variable of the pattern to a foreign identifier, or null when the matrix lacks one. */
    String foreignUrl(String pattern) {
        Matcher m = Pattern.compile("\\{([^}]+)}").matcher(pattern);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String before = pattern.substring(0, m.start());
            String[] segments = before.split("/");
            String owner = segments.length == 0 ? "" : segments[segments.length - 1];
            if (owner.isEmpty() && segments.length > 1) {
                owner = segments[segments.length - 2];
            }
            Supplier<String> supplier = FOREIGN.get("{" + m.group(1) + "}@" + owner);
            if (supplier == null) {
                return null;
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(supplier.get()));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    @Test
    void everyEndpointWithAnIdentifierIsInTheMatrix() {
        Set<String> missing = new TreeSet<>();
        for (Endpoint e : endpoints()) {
            if (e.hasPathVariables() && foreignUrl(e.pattern()) == null) {
                missing.add(e.method() + " " + e.pattern() + " (" + e.handler() + ")");
            }
        }
        assertThat(missing)
                .as("endpoints to add to AuthorizationMatrixTests.FOREIGN")
                .isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> foreignIdentifiersAreInvisible() {
        return endpoints().stream()
                .filter(Endpoint::hasPathVariables)
                .filter(e -> foreignUrl(e.pattern()) != null)
                .map(e -> DynamicTest.dynamicTest(e.method() + " " + e.pattern(), () -> {
                    String url = foreignUrl(e.pattern());
                    MockHttpServletResponse res = call(e.method(), url);
                    if (platformWide(e.pattern())) {
                        assertThat(res.getStatus()).as("%s %s", e.method(), url).isNotEqualTo(500);
                        if (!e.isRead()) {
                            assertThat(res.getStatus())
                                    .as("%s %s needs a role", e.method(), url)
                                    .isIn(400, 403, 404, 405, 415);
                        }
                    } else if (e.isRead()) {
                        assertThat(res.getStatus()).as("%s %s", e.method(), url).isIn(404, 403);
                    } else {
                        assertThat(res.getStatus())
                                .as("%s %s must not succeed", e.method(), url)
                                .isIn(400, 403, 404, 405, 409, 415);
                    }
                    assertNoForeignCodes(e, url, res);
                }));
    }

    @TestFactory
    Stream<DynamicTest> listsMapsAndExportsShowNothingForeign() {
        return endpoints().stream()
                .filter(e -> e.isRead() && !e.hasPathVariables())
                .flatMap(e -> Stream.of(e.pattern(), e.pattern() + foreignFilters())
                        .map(url -> DynamicTest.dynamicTest("GET " + url, () -> {
                            MockHttpServletResponse res = call(HttpMethod.GET, url);
                            assertThat(res.getStatus()).as("GET %s", url).isNotEqualTo(500);
                            assertNoForeignCodes(e, url, res);
                        })));
    }

    private static String foreignFilters() {
        return "?division=" + FOREIGN_DISTRICT + "&parent=" + FOREIGN_DISTRICT + "&village=340103001001"
                + "&divisionPath=/340100000000/" + FOREIGN_DISTRICT + "/";
    }

    private MockHttpServletResponse call(HttpMethod method, String url) throws Exception {
        var req = request(method, url).with(users.as(OFFICER)).with(csrf()).accept(MediaType.ALL);
        if (method != HttpMethod.GET && url.startsWith("/api/")) {
            req = req.contentType(MediaType.APPLICATION_JSON).content("{}");
        }
        return mvc.perform(req).andReturn().getResponse();
    }

    private static void assertNoForeignCodes(Endpoint e, String url, MockHttpServletResponse res) throws Exception {
        String body = res.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        Set<String> leaked = new TreeSet<>();
        Matcher m = CODE.matcher(body);
        while (m.find()) {
            String code = m.group(1);
            if (!ANCESTORS.contains(code) && !code.startsWith("340102001")) {
                leaked.add(code);
            }
        }
        // A foreign code the caller typed into the URL may be echoed back in an error message.
        leaked.removeIf(url::contains);
        assertThat(leaked)
                .as("foreign codes in %s %s (%s)", e.method(), url, e.handler())
                .isEmpty();
    }
}
