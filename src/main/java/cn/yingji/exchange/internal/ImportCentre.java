package cn.yingji.exchange.internal;

import cn.yingji.directory.ChannelType;
import cn.yingji.directory.DirectoryManagement;
import cn.yingji.directory.Gender;
import cn.yingji.directory.NewContactChannel;
import cn.yingji.directory.NewPerson;
import cn.yingji.geo.DivisionCode;
import cn.yingji.geo.Divisions;
import cn.yingji.resource.RegistryKind;
import cn.yingji.resource.ResourceRegistries;
import cn.yingji.resource.TeamImports;
import cn.yingji.risk.EnterpriseFilter;
import cn.yingji.risk.EnterpriseManagement;
import cn.yingji.risk.Enterprises;
import cn.yingji.risk.NewRiskPoint;
import cn.yingji.risk.RiskManagement;
import cn.yingji.shared.DomainException;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.PageQuery;
import cn.yingji.shared.TableIo;
import cn.yingji.shared.TableIo.Line;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One import centre for the registries: a CSV or XLSX file (header row of field names) is validated row by row
 * through the owning module's public API. The resource registries and risk points are written row by row inside one
 * transaction; rescue teams and enterprises are handed whole to their modules' own all-or-nothing importers
 * ({@code TeamImports}, {@code EnterpriseManagement.importTable}), whose {@code row[n].field} errors become the same
 * line-by-line report. Any invalid row rolls the whole file back and the answer lists every problem with its line;
 * otherwise every row commits. Each row is jurisdiction-checked and audited by the owning module as a form entry
 * would be.
 */
@Service
class ImportCentre {

    /** The enterprise registry's import columns (risk module, {@code EnterpriseManagement.importTable}). */
    static final List<String> ENTERPRISE_COLUMNS = List.of(
            "creditCode",
            "name",
            "industry",
            "size",
            "employees",
            "status",
            "address",
            "lon",
            "lat",
            "divisionCode",
            "safetyOfficer",
            "safetyOfficerPhone");

    /**
     * Risk points, registered row by row through {@code RiskManagement.create}: an enterprise's point names the
     * enterprise by its credit code, a place's point by its division or grid code.
     */
    static final List<String> RISK_POINT_COLUMNS = List.of(
            "name", "category", "description", "creditCode", "divisionCode", "gridCode", "location", "lon", "lat");

    /**
     * Contact-directory persons (通讯录), created through {@code DirectoryManagement.createPerson}: the division by
     * its code, gender as 男/女 or MALE/FEMALE, and up to one mobile, landline and e-mail each, in that order of
     * preference.
     */
    static final List<String> PERSON_COLUMNS =
            List.of("name", "gender", "divisionCode", "title", "mobile", "landline", "email");

    /** Registries and their columns (as {@link RegistryKind} documents them). */
    static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put(
                "equipment",
                List.of("name", "category", "model", "quantity", "state", "teamId", "lon", "lat", "divisionCode"));
        COLUMNS.put("warehouses", List.of("name", "address", "manager", "phone", "lon", "lat", "divisionCode"));
        COLUMNS.put("stock", List.of("warehouseId", "item", "unit", "batch", "quantity", "minLevel", "expiresOn"));
        COLUMNS.put(
                "shelters",
                List.of(
                        "name",
                        "level",
                        "duration",
                        "indoor",
                        "capacity",
                        "areaM2",
                        "address",
                        "lon",
                        "lat",
                        "divisionCode"));
        COLUMNS.put(
                "experts",
                List.of("name", "specialty", "title", "organisation", "phone", "lon", "lat", "divisionCode"));
        COLUMNS.put("bases", List.of("name", "baseKind", "address", "areaM2", "lon", "lat", "divisionCode"));
        COLUMNS.put(
                "landing-points",
                List.of("name", "pointKind", "night", "maxWeightT", "address", "lon", "lat", "divisionCode"));
        COLUMNS.put("enterprises", ENTERPRISE_COLUMNS);
        COLUMNS.put("risk-points", RISK_POINT_COLUMNS);
        COLUMNS.put("persons", PERSON_COLUMNS);
    }

    private final ResourceRegistries registries;
    private final TeamImports teams;
    private final EnterpriseManagement enterpriseManagement;
    private final Enterprises enterprises;
    private final RiskManagement risk;
    private final DirectoryManagement directory;
    private final Divisions divisions;
    private final ExchangeFormat format;
    private final TransactionTemplate tx;

    ImportCentre(
            ResourceRegistries registries,
            TeamImports teams,
            EnterpriseManagement enterpriseManagement,
            Enterprises enterprises,
            RiskManagement risk,
            DirectoryManagement directory,
            Divisions divisions,
            ExchangeFormat format,
            PlatformTransactionManager transactions) {
        this.registries = registries;
        this.teams = teams;
        this.enterpriseManagement = enterpriseManagement;
        this.enterprises = enterprises;
        this.risk = risk;
        this.directory = directory;
        this.divisions = divisions;
        this.format = format;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Every importable registry and its columns, in display order. */
    Map<String, List<String>> registries() {
        Map<String, List<String>> all = new LinkedHashMap<>();
        all.put("teams", teams.columns());
        all.putAll(COLUMNS);
        return all;
    }

    /** One problem of one line (line 1 is the header). */
    record RowError(int line, String field, String message) {}

    /**
     * The outcome of an import.
     *
     * @param registry the registry
     * @param rows data rows read
     * @param imported rows committed (0 when anything failed)
     * @param errors every problem, by line
     */
    record Result(String registry, int rows, int imported, List<RowError> errors) {
        boolean committed() {
            return errors.isEmpty();
        }
    }

    static Optional<RegistryKind> kind(String slug) {
        for (RegistryKind k : RegistryKind.values()) {
            if (k.slug().equals(slug)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** A template: the header row (UTF-8 CSV with BOM, so spreadsheet programs read the Chinese correctly). */
    byte[] template(String registry) {
        List<String> cols = registries().get(registry);
        if (cols == null) {
            throw new cn.yingji.shared.NotFoundException("registry", registry);
        }
        return ("\uFEFF" + String.join(",", cols) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    Result importFile(String registry, String filename, byte[] content) {
        List<String> expected = registries().get(registry);
        if (expected == null) {
            throw new cn.yingji.shared.NotFoundException("registry", registry);
        }
        List<Line> lines = TableIo.read(filename, content);
        if (!lines.isEmpty()) {
            List<String> unknown = lines.get(0).cells().keySet().stream()
                    .filter(c -> !c.isBlank() && !expected.contains(c))
                    .toList();
            if (!unknown.isEmpty()) {
                throw InvalidInputException.field("file", "exchange.import.unknownColumns", String.join(", ", unknown));
            }
        }
        return switch (registry) {
            case "teams" -> table(registry, lines, () -> teams.importTable(filename, content));
            case "enterprises" -> table(registry, lines, () -> enterpriseManagement.importTable(filename, content));
            case "risk-points" -> rows(registry, lines, this::riskPoint);
            case "persons" -> rows(registry, lines, this::person);
            default -> {
                RegistryKind kind =
                        kind(registry).orElseThrow(() -> new cn.yingji.shared.NotFoundException("registry", registry));
                yield rows(registry, lines, line -> registries.register(kind, line.cells()));
            }
        };
    }

    private static final Pattern ROW_FIELD = Pattern.compile("row\\[(\\d+)]\\.(.*)");

    /**
     * A registry whose owning module imports a whole table all or nothing and names each problem's row in the field
     * ({@code row[3].size}); its answer is turned into the import centre's line-by-line report. A problem of the file
     * as a whole (header, format) stays a 400.
     */
    private Result table(String registry, List<Line> lines, IntSupplier importer) {
        try {
            return new Result(registry, lines.size(), importer.getAsInt(), List.of());
        } catch (InvalidInputException e) {
            List<RowError> errors = new ArrayList<>();
            for (var fe : e.fieldErrors()) {
                Matcher m = ROW_FIELD.matcher(fe.field());
                if (m.matches()) {
                    errors.add(new RowError(
                            Integer.parseInt(m.group(1)), m.group(2), format.text(fe.messageKey(), fe.args())));
                }
            }
            if (errors.isEmpty()) {
                throw e;
            }
            errors.sort(java.util.Comparator.comparingInt(RowError::line));
            return new Result(registry, lines.size(), 0, errors);
        }
    }

    private void riskPoint(Line line) {
        List<DomainException.FieldError> problems = new ArrayList<>();
        Double lon = decimal(line, "lon", problems);
        Double lat = decimal(line, "lat", problems);
        UUID organisation = null;
        String code = line.cells().getOrDefault("creditCode", "").toUpperCase(Locale.ROOT);
        if (!code.isEmpty()) {
            organisation =
                    enterprises
                            .list(new EnterpriseFilter(code, null, null, null, null, null), new PageQuery(0, 5))
                            .items()
                            .stream()
                            .filter(en -> en.creditCode().equalsIgnoreCase(code))
                            .map(en -> en.id().value())
                            .findFirst()
                            .orElse(null);
            if (organisation == null) {
                problems.add(new DomainException.FieldError("creditCode", "exchange.import.unknownEnterprise", code));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("exchange.import.rowFailed", problems);
        }
        risk.create(new NewRiskPoint(
                blankToNull(line, "name"),
                blankToNull(line, "category"),
                blankToNull(line, "description"),
                organisation,
                organisation == null ? blankToNull(line, "divisionCode") : null,
                organisation == null ? blankToNull(line, "gridCode") : null,
                blankToNull(line, "location"),
                lon,
                lat));
    }

    private void person(Line line) {
        List<DomainException.FieldError> problems = new ArrayList<>();
        String path = null;
        String code = line.cells().getOrDefault("divisionCode", "").strip();
        if (code.isEmpty()) {
            problems.add(new DomainException.FieldError("divisionCode", "exchange.import.divisionRequired"));
        } else {
            try {
                path = divisions
                        .find(DivisionCode.of(code))
                        .map(cn.yingji.geo.Division::path)
                        .orElse(null);
            } catch (RuntimeException e) {
                path = null;
            }
            if (path == null) {
                problems.add(new DomainException.FieldError("divisionCode", "exchange.import.unknownDivision", code));
            }
        }
        Gender gender = null;
        String g = line.cells().getOrDefault("gender", "").strip();
        switch (g.toUpperCase(Locale.ROOT)) {
            case "" -> gender = null;
            case "男", "MALE", "M" -> gender = Gender.MALE;
            case "女", "FEMALE", "F" -> gender = Gender.FEMALE;
            default -> problems.add(new DomainException.FieldError("gender", "exchange.import.badGender", g));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("exchange.import.rowFailed", problems);
        }
        List<NewContactChannel> channels = new ArrayList<>();
        for (var c : List.of(
                Map.entry("mobile", ChannelType.MOBILE),
                Map.entry("landline", ChannelType.LANDLINE),
                Map.entry("email", ChannelType.EMAIL))) {
            String v = blankToNull(line, c.getKey());
            if (v != null) {
                channels.add(new NewContactChannel(c.getValue(), v.strip(), false));
            }
        }
        directory.createPerson(new NewPerson(
                line.cells().getOrDefault("name", "").strip(),
                gender,
                null,
                path,
                blankToNull(line, "title"),
                channels));
    }

    private static @Nullable String blankToNull(Line line, String column) {
        String v = line.cells().getOrDefault(column, "");
        return v.isBlank() ? null : v;
    }

    private static @Nullable Double decimal(Line line, String column, List<DomainException.FieldError> problems) {
        String v = line.cells().getOrDefault(column, "");
        if (v.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(v);
        } catch (NumberFormatException e) {
            problems.add(new DomainException.FieldError(column, "exchange.import.number", v));
            return null;
        }
    }

    /** A registry written row by row through its module's API, inside one transaction rolled back on any problem. */
    private Result rows(String registry, List<Line> lines, java.util.function.Consumer<Line> register) {
        List<RowError> errors = new ArrayList<>();
        int[] imported = {0};
        tx.executeWithoutResult(status -> {
            for (Line line : lines) {
                try {
                    register.accept(line);
                    imported[0]++;
                } catch (DomainException e) {
                    if (e.fieldErrors().isEmpty()) {
                        errors.add(new RowError(line.number(), "", format.text(e.messageKey(), e.args())));
                    }
                    for (var fe : e.fieldErrors()) {
                        errors.add(new RowError(line.number(), fe.field(), format.text(fe.messageKey(), fe.args())));
                    }
                } catch (org.springframework.security.access.AccessDeniedException e) {
                    errors.add(new RowError(line.number(), "", format.text("exchange.import.denied")));
                } catch (RuntimeException e) {
                    errors.add(new RowError(line.number(), "", format.text("exchange.import.rowFailed")));
                }
            }
            if (!errors.isEmpty()) {
                status.setRollbackOnly();
            }
        });
        return new Result(registry, lines.size(), errors.isEmpty() ? imported[0] : 0, errors);
    }
}
