package cn.yingji.risk.internal;

import cn.yingji.directory.ContactValues;
import cn.yingji.directory.Directory;
import cn.yingji.directory.DirectoryManagement;
import cn.yingji.directory.NewOrganisation;
import cn.yingji.directory.Organisation;
import cn.yingji.directory.OrganisationId;
import cn.yingji.directory.OrganisationKind;
import cn.yingji.directory.SocialCreditCode;
import cn.yingji.geo.Division;
import cn.yingji.geo.DivisionCode;
import cn.yingji.geo.Divisions;
import cn.yingji.geo.Location;
import cn.yingji.identity.AuditTrail;
import cn.yingji.identity.CurrentUser;
import cn.yingji.identity.Role;
import cn.yingji.responsibility.Responsibilities;
import cn.yingji.responsibility.SupervisionRule;
import cn.yingji.risk.Enterprise;
import cn.yingji.risk.EnterpriseFilter;
import cn.yingji.risk.EnterpriseInput;
import cn.yingji.risk.EnterpriseManagement;
import cn.yingji.risk.EnterpriseSize;
import cn.yingji.risk.EnterpriseStatus;
import cn.yingji.risk.Enterprises;
import cn.yingji.risk.Industry;
import cn.yingji.risk.Supervisor;
import cn.yingji.shared.ConflictException;
import cn.yingji.shared.DomainException.FieldError;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NotFoundException;
import cn.yingji.shared.PageQuery;
import cn.yingji.shared.PageResult;
import cn.yingji.shared.TableIo;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The enterprise registry. The organisation itself (name, credit code, place) lives in the directory and is kept in
 * step on every write; the registry row adds industry, size, state, grid and safety officer. The supervising
 * department is not stored: it is read from the 三管三必须 matrix, so a change of the matrix applies at once.
 */
@Service
class EnterpriseService implements Enterprises, EnterpriseManagement {

    /** Columns of the export, the import and the template, in order. */
    static final List<String> COLUMNS = List.of(
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

    static final Set<Role> WRITERS =
            EnumSet.of(Role.ADMIN, Role.DISTRICT_OFFICER, Role.TOWNSHIP_OFFICER, Role.DEPARTMENT_OFFICER);

    private static final int MAX_EMPLOYEES = 10_000_000;

    private final JdbcEnterpriseStore store;
    private final Directory directory;
    private final DirectoryManagement directoryManagement;
    private final Divisions divisions;
    private final Responsibilities responsibilities;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final Clock clock = Clock.systemUTC();

    EnterpriseService(
            JdbcEnterpriseStore store,
            Directory directory,
            DirectoryManagement directoryManagement,
            Divisions divisions,
            Responsibilities responsibilities,
            CurrentUser currentUser,
            AuditTrail audit) {
        this.store = store;
        this.directory = directory;
        this.directoryManagement = directoryManagement;
        this.divisions = divisions;
        this.responsibilities = responsibilities;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    // ---- reads -------------------------------------------------------------------------------------------------

    @Override
    @Transactional(readOnly = true)
    public Optional<Enterprise> find(OrganisationId id) {
        return store.find(id.value(), scope());
    }

    @Override
    @Transactional(readOnly = true)
    public PageResult<Enterprise> list(EnterpriseFilter filter, PageQuery page) {
        return store.list(filter, industriesOf(filter.department()), page, scope());
    }

    /** Streams every visible enterprise matching the filter (exports). */
    @Transactional(readOnly = true)
    public void each(EnterpriseFilter filter, Consumer<Enterprise> sink) {
        store.each(filter, industriesOf(filter.department()), scope(), sink);
    }

    @Override
    public List<Industry> industries() {
        return store.industries();
    }

    @Override
    public List<Supervisor> supervisorsOf(String industry) {
        return responsibilities.supervisorsOf(industry).stream()
                .map(r -> new Supervisor(r.department(), r.ground().name()))
                .toList();
    }

    /** The departments named in the matrix for any registry industry (filter choices). */
    List<String> departments() {
        Set<String> codes = new HashSet<>();
        industries().forEach(i -> codes.add(i.code()));
        return responsibilities.supervision().stream()
                .filter(r -> codes.contains(r.industry()))
                .map(SupervisionRule::department)
                .distinct()
                .sorted()
                .toList();
    }

    boolean canWrite() {
        return currentUser
                .get()
                .map(a -> a.roles().stream().anyMatch(WRITERS::contains))
                .orElse(false);
    }

    boolean canWrite(Enterprise e) {
        return canWrite() && currentUser.jurisdiction().canCapture(e.divisionPath());
    }

    // ---- writes ------------------------------------------------------------------------------------------------

    @Override
    @Transactional
    public OrganisationId register(EnterpriseInput input) {
        requireWriter();
        Checked c = check(input, null, "");
        if (!c.errors().isEmpty()) {
            throw new InvalidInputException("error.validation", c.errors());
        }
        return insert(c);
    }

    @Override
    @Transactional
    public Enterprise update(OrganisationId id, int expectedVersion, EnterpriseInput input) {
        Enterprise before = store.find(id.value(), scope()).orElseThrow(() -> new NotFoundException("enterprise", id));
        requireCapture(before.divisionPath(), id);
        requireWriter();
        Checked c = check(input, before, "");
        if (!c.errors().isEmpty()) {
            throw new InvalidInputException("error.validation", c.errors());
        }
        return change(before, expectedVersion, c);
    }

    @Override
    @Transactional
    public int importTable(String filename, byte[] content) {
        requireWriter();
        List<TableIo.Line> lines = TableIo.read(filename, content);
        if (lines.isEmpty()) {
            throw InvalidInputException.field("file", "table.empty");
        }
        if (!lines.get(0).cells().keySet().containsAll(List.of("creditCode", "name", "industry", "size"))) {
            throw InvalidInputException.field("file", "risk.enterprise.importHeader", String.join(",", COLUMNS));
        }
        List<FieldError> problems = new ArrayList<>();
        List<Checked> valid = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (TableIo.Line line : lines) {
            String prefix = "row[" + line.number() + "].";
            List<FieldError> rowErrors = new ArrayList<>();
            EnterpriseInput in = input(line, prefix, rowErrors);
            String code = normalisedCode(in.creditCode());
            Enterprise existing = code == null ? null : store.byCreditCode(code).orElse(null);
            if (existing != null && !currentUser.jurisdiction().canCapture(existing.divisionPath())) {
                // Someone else's enterprise: say no more than that the code is taken.
                rowErrors.add(new FieldError(prefix + "creditCode", "risk.error.enterpriseRegistered", code));
                existing = null;
            }
            Checked c = check(in, existing, prefix);
            rowErrors.addAll(c.errors());
            if (code != null && !seen.add(code)) {
                rowErrors.add(new FieldError(prefix + "creditCode", "risk.enterprise.duplicateRow", code));
            }
            problems.addAll(rowErrors);
            if (rowErrors.isEmpty()) {
                valid.add(c);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("risk.enterprise.importRejected", problems);
        }
        for (Checked c : valid) {
            if (c.existing() == null) {
                insert(c);
            } else {
                change(c.existing(), c.existing().version(), c);
            }
        }
        return valid.size();
    }

    // ---- internals ---------------------------------------------------------------------------------------------

    /** The input checked and resolved: the enterprise as it would be stored, or the errors. */
    private record Checked(
            @Nullable Enterprise enterprise, @Nullable Enterprise existing, List<FieldError> errors) {}

    private OrganisationId insert(Checked c) {
        Enterprise e = c.enterprise();
        requireCapture(e.divisionPath(), e.creditCode());
        if (store.byCreditCode(e.creditCode()).isPresent()) {
            throw new ConflictException("risk.error.enterpriseRegistered", e.creditCode());
        }
        Optional<Organisation> org = directory.findOrganisationByCreditCode(e.creditCode());
        OrganisationId id;
        if (org.isPresent()) {
            if (org.get().kind() != OrganisationKind.ENTERPRISE) {
                throw InvalidInputException.field("creditCode", "risk.error.notEnterprise");
            }
            id = org.get().id();
            syncOrganisation(org.get(), e);
        } else {
            id = directoryManagement.createOrganisation(organisation(e));
        }
        Enterprise stored = copy(e, id, 0);
        store.insert(stored);
        audit.record("create", "risk.enterprise", id.toString(), stored.divisionPath(), null, stored);
        return id;
    }

    private Enterprise change(Enterprise before, int expectedVersion, Checked c) {
        Enterprise e = c.enterprise();
        requireCapture(e.divisionPath(), before.id());
        Enterprise after = copy(e, before.id(), expectedVersion + 1);
        if (before.version() != expectedVersion || !store.update(after, expectedVersion)) {
            throw new ConflictException("risk.error.stale");
        }
        directory.findOrganisation(before.id()).ifPresent(o -> syncOrganisation(o, after));
        audit.record("update", "risk.enterprise", before.id().toString(), after.divisionPath(), before, after);
        return after;
    }

    /** Keeps the directory's organisation (name, place) in step with the registry. */
    private void syncOrganisation(Organisation o, Enterprise e) {
        boolean same = o.name().equals(e.name())
                && o.divisionPath().equals(e.divisionPath())
                && java.util.Objects.equals(o.address(), e.address())
                && java.util.Objects.equals(o.lon(), e.lon())
                && java.util.Objects.equals(o.lat(), e.lat());
        if (!same) {
            directoryManagement.updateOrganisation(o.id(), o.version(), organisation(e));
        }
    }

    private static NewOrganisation organisation(Enterprise e) {
        return new NewOrganisation(
                OrganisationKind.ENTERPRISE,
                e.name(),
                null,
                e.creditCode(),
                null,
                e.divisionPath(),
                e.address(),
                e.lon(),
                e.lat());
    }

    private Enterprise copy(Enterprise e, OrganisationId id, int version) {
        return new Enterprise(
                id,
                e.creditCode(),
                e.name(),
                e.industry(),
                e.size(),
                e.employees(),
                e.status(),
                e.address(),
                e.lon(),
                e.lat(),
                e.divisionPath(),
                e.gridCode(),
                e.safetyOfficer(),
                e.safetyOfficerPhone(),
                now(),
                version);
    }

    /** Checks everything at once; field names carry {@code prefix} (import rows). */
    private Checked check(EnterpriseInput in, @Nullable Enterprise existing, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        String code = normalisedCode(in.creditCode());
        if (existing != null) {
            if (code != null && !code.equals(existing.creditCode())) {
                errors.add(new FieldError(prefix + "creditCode", "risk.enterprise.creditCodeFixed"));
            }
            code = existing.creditCode();
        } else if (code == null) {
            errors.add(new FieldError(prefix + "creditCode", "risk.error.required"));
        } else if (!SocialCreditCode.isValid(code)) {
            errors.add(new FieldError(prefix + "creditCode", "risk.enterprise.creditCodeInvalid", code));
        }
        String name = text(errors, prefix + "name", in.name(), 200, true);
        String industry = null;
        if (in.industry() == null || in.industry().isBlank()) {
            errors.add(new FieldError(prefix + "industry", "risk.error.required"));
        } else {
            String i = in.industry().strip().toUpperCase(Locale.ROOT);
            if (industries().stream().noneMatch(x -> x.code().equals(i))) {
                errors.add(new FieldError(prefix + "industry", "risk.enterprise.unknownIndustry", in.industry()));
            } else {
                industry = i;
            }
        }
        if (in.size() == null) {
            errors.add(new FieldError(prefix + "size", "risk.error.required"));
        }
        Integer employees = in.employees();
        if (employees != null && (employees < 0 || employees > MAX_EMPLOYEES)) {
            errors.add(new FieldError(prefix + "employees", "risk.enterprise.employeesRange", MAX_EMPLOYEES));
        }
        String address = text(errors, prefix + "address", in.address(), 300, false);
        String officer = text(errors, prefix + "safetyOfficer", in.safetyOfficer(), 50, false);
        String phone = null;
        if (in.safetyOfficerPhone() != null && !in.safetyOfficerPhone().isBlank()) {
            phone = phone(in.safetyOfficerPhone(), prefix + "safetyOfficerPhone", errors);
        }
        // Where it is: a point decides division and grid; without one, the division code given.
        String path = null;
        String grid = null;
        Double lon = in.lon();
        Double lat = in.lat();
        if ((lon == null) != (lat == null)) {
            errors.add(new FieldError(prefix + (lon == null ? "lon" : "lat"), "risk.error.coordinatesPair"));
        } else if (lon != null) {
            if (lon.isNaN() || lon < -180 || lon > 180 || lat.isNaN() || lat < -90 || lat > 90) {
                errors.add(new FieldError(prefix + "lon", "risk.error.lon"));
            } else {
                Optional<Location> at = divisions.locate(lon, lat);
                if (at.isEmpty() || at.get().chain().isEmpty()) {
                    errors.add(new FieldError(prefix + "lon", "risk.enterprise.outsideCity"));
                } else {
                    List<Division> chain = at.get().chain();
                    path = chain.get(chain.size() - 1).path();
                    grid = at.get().grid() == null ? null : at.get().grid().code();
                }
            }
        }
        if (path == null && lon == null) {
            String dc = in.divisionCode() == null ? "" : in.divisionCode().strip();
            if (dc.isEmpty()) {
                errors.add(new FieldError(prefix + "divisionCode", "risk.enterprise.placeRequired"));
            } else if (!dc.matches("\\d{12}")) {
                errors.add(new FieldError(prefix + "divisionCode", "risk.enterprise.unknownDivision", dc));
            } else {
                Optional<Division> d = divisions.find(DivisionCode.of(dc));
                if (d.isEmpty()) {
                    errors.add(new FieldError(prefix + "divisionCode", "risk.enterprise.unknownDivision", dc));
                } else {
                    path = d.get().path();
                }
            }
        }
        if (path != null
                && currentUser.get().isPresent()
                && !currentUser.jurisdiction().canCapture(path)) {
            errors.add(new FieldError(prefix + "divisionCode", "risk.enterprise.outsideJurisdiction"));
        }
        if (!errors.isEmpty()) {
            return new Checked(null, existing, errors);
        }
        Enterprise e = new Enterprise(
                existing == null ? new OrganisationId(new UUID(0, 0)) : existing.id(),
                code,
                name,
                industry,
                in.size(),
                employees,
                in.status() == null ? EnterpriseStatus.OPERATING : in.status(),
                address,
                lon,
                lat,
                path,
                grid,
                officer,
                phone,
                now(),
                existing == null ? 0 : existing.version());
        return new Checked(e, existing, List.of());
    }

    private static @Nullable String normalisedCode(@Nullable String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return code.strip().toUpperCase(Locale.ROOT);
    }

    private static @Nullable String text(
            List<FieldError> errors, String field, @Nullable String value, int max, boolean required) {
        String v = value == null ? null : value.strip();
        if (v == null || v.isEmpty()) {
            if (required) {
                errors.add(new FieldError(field, "risk.error.required"));
            }
            return null;
        }
        if (v.length() > max) {
            errors.add(new FieldError(field, "risk.error.tooLong", max));
            return null;
        }
        return v;
    }

    /** A mainland mobile or a landline with area code; anything else is refused. */
    private static @Nullable String phone(String text, String field, List<FieldError> errors) {
        String t = text.strip();
        try {
            return t.startsWith("0") && !t.startsWith("0086")
                    ? ContactValues.landline(t, field)
                    : ContactValues.mobile(t, field);
        } catch (InvalidInputException e) {
            errors.add(new FieldError(field, "risk.enterprise.phoneInvalid", t));
            return null;
        }
    }

    /** One import row as input; unreadable numbers and enums become errors. */
    private static EnterpriseInput input(TableIo.Line line, String prefix, List<FieldError> errors) {
        return new EnterpriseInput(
                line.get("creditCode"),
                line.get("name"),
                line.get("industry"),
                named(EnterpriseSize.class, line.get("size"), prefix + "size", errors),
                integer(line.get("employees"), prefix + "employees", errors),
                named(EnterpriseStatus.class, line.get("status"), prefix + "status", errors),
                line.get("address"),
                decimal(line.get("lon"), prefix + "lon", errors),
                decimal(line.get("lat"), prefix + "lat", errors),
                line.get("divisionCode"),
                line.get("safetyOfficer"),
                line.get("safetyOfficerPhone"));
    }

    static <E extends Enum<E>> @Nullable E named(Class<E> type, String text, String field, List<FieldError> errors) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "risk.enterprise.unknownValue", text));
            return null;
        }
    }

    static @Nullable Integer integer(String text, String field, List<FieldError> errors) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "risk.error.number"));
            return null;
        }
    }

    static @Nullable Double decimal(String text, String field, List<FieldError> errors) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(text.strip());
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "risk.error.number"));
            return null;
        }
    }

    private List<String> industriesOf(@Nullable String department) {
        if (department == null || department.isBlank()) {
            return List.of();
        }
        return responsibilities.supervision().stream()
                .filter(r -> r.department().equals(department.strip()))
                .map(SupervisionRule::industry)
                .toList();
    }

    private List<String> scope() {
        return currentUser.get().isPresent() ? currentUser.jurisdiction().viewPatterns() : JdbcRiskStore.EVERYTHING;
    }

    private void requireCapture(String path, Object id) {
        if (currentUser.get().isPresent()) {
            currentUser.requireCapture(path, "enterprise", id);
        }
    }

    private void requireWriter() {
        if (currentUser.get().isPresent() && !canWrite()) {
            throw new AccessDeniedException("the enterprise registry is read-only for this role");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
