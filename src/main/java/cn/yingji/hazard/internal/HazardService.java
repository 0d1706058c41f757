package cn.yingji.hazard.internal;

import cn.yingji.directory.Directory;
import cn.yingji.directory.Organisation;
import cn.yingji.directory.OrganisationId;
import cn.yingji.directory.OrganisationKind;
import cn.yingji.geo.DivisionCode;
import cn.yingji.geo.Divisions;
import cn.yingji.geo.Location;
import cn.yingji.hazard.Assignment;
import cn.yingji.hazard.FollowUp;
import cn.yingji.hazard.Hazard;
import cn.yingji.hazard.HazardCard;
import cn.yingji.hazard.HazardCardRaised;
import cn.yingji.hazard.HazardFilter;
import cn.yingji.hazard.HazardGrade;
import cn.yingji.hazard.HazardId;
import cn.yingji.hazard.HazardManagement;
import cn.yingji.hazard.HazardReported;
import cn.yingji.hazard.HazardSource;
import cn.yingji.hazard.HazardState;
import cn.yingji.hazard.HazardStateChanged;
import cn.yingji.hazard.HazardStep;
import cn.yingji.hazard.Hazards;
import cn.yingji.hazard.NewHazard;
import cn.yingji.hazard.Photo;
import cn.yingji.hazard.ReportReceipt;
import cn.yingji.hazard.StepInput;
import cn.yingji.identity.AuditTrail;
import cn.yingji.identity.CurrentUser;
import cn.yingji.identity.Role;
import cn.yingji.shared.ConflictException;
import cn.yingji.shared.DomainException.FieldError;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NotFoundException;
import cn.yingji.shared.PageQuery;
import cn.yingji.shared.PageResult;
import cn.yingji.shared.Uuids;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Hidden hazards: validation, jurisdiction, roles, the lifecycle, audit and events around the store. */
@Service
class HazardService implements Hazards, HazardManagement {

    static final List<String> INDUSTRIES = List.of(
            "HAZCHEM",
            "MINING",
            "CONSTRUCTION",
            "INDUSTRY_TRADE",
            "FIRE",
            "GAS",
            "TRANSPORT",
            "SPECIAL_EQUIPMENT",
            "NATURAL_DISASTER",
            "OTHER");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{8,100}");
    private static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789";
    private static final int CODE_LENGTH = 16;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcHazardStore store;
    private final CurrentUser currentUser;
    private final HazardRoles roles;
    private final AuditTrail audit;
    private final Directory directory;
    private final Divisions divisions;
    private final ApplicationEventPublisher events;
    private final HazardClock clock;
    private final long maxPhotoBytes;
    private final int maxAnonymousReports;
    private final Duration anonymousWindow;
    private final int yellowCardDays;

    HazardService(
            JdbcHazardStore store,
            CurrentUser currentUser,
            HazardRoles roles,
            AuditTrail audit,
            Directory directory,
            Divisions divisions,
            ApplicationEventPublisher events,
            HazardClock clock,
            @Value("${yingji.hazard.photo.max-bytes:5242880}") long maxPhotoBytes,
            @Value("${yingji.hazard.public.max-reports:5}") int maxAnonymousReports,
            @Value("${yingji.hazard.public.window:PT1H}") Duration anonymousWindow,
            @Value("${yingji.hazard.yellow-card-days:3}") int yellowCardDays) {
        this.store = store;
        this.currentUser = currentUser;
        this.roles = roles;
        this.audit = audit;
        this.directory = directory;
        this.divisions = divisions;
        this.events = events;
        this.clock = clock;
        this.maxPhotoBytes = maxPhotoBytes;
        this.maxAnonymousReports = maxAnonymousReports;
        this.anonymousWindow = anonymousWindow;
        this.yellowCardDays = yellowCardDays;
    }

    private JdbcHazardStore.Scope scope() {
        return scope(roles.ownEnterprise());
    }

    private JdbcHazardStore.Scope scope(@Nullable UUID ownEnterprise) {
        return currentUser.get().isPresent()
                ? new JdbcHazardStore.Scope(currentUser.jurisdiction().viewPatterns(), ownEnterprise)
                : JdbcHazardStore.Scope.EVERYTHING;
    }

    long maxPhotoBytes() {
        return maxPhotoBytes;
    }

    // ---- reads ---------------------------------------------------------------------------------------------

    @Override
    @Transactional(readOnly = true)
    public Optional<Hazard> find(HazardId id) {
        return store.find(id.value(), scope());
    }

    @Override
    @Transactional(readOnly = true)
    public PageResult<Hazard> list(HazardFilter filter, PageQuery page) {
        return store.list(filter(filter), page, scope());
    }

    /** Streams every visible hazard matching the filter (exports). */
    @Transactional(readOnly = true)
    public void each(HazardFilter filter, Consumer<Hazard> sink) {
        store.each(filter(filter), scope(), sink);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<HazardState, Long> counts(HazardFilter filter) {
        return store.counts(filter(filter), scope());
    }

    /**
     * Counts per state of each division one level below the filtered division (or below the caller's single view
     * scope, or the city): counties for the city, townships for a county, villages for a township and below.
     */
    @Transactional(readOnly = true)
    public Map<String, Map<HazardState, Long>> countsByDivision(HazardFilter filter) {
        JdbcHazardStore.Filter f = filter(filter);
        String base = f.divisionPath();
        if (base == null) {
            List<String> views = currentUser.jurisdiction().view();
            base = views.size() == 1 ? views.get(0) : "/x/";
        }
        int depth = Math.min(4, base.replaceAll("^/|/$", "").split("/").length + 1);
        return store.countsByDivision(f, scope(), depth);
    }

    @Override
    @Transactional(readOnly = true)
    public List<HazardStep> steps(HazardId id) {
        return find(id).map(this::stepsOf).orElse(List.of());
    }

    private List<HazardStep> stepsOf(Hazard h) {
        List<HazardStep> out = new ArrayList<>();
        out.add(new HazardStep(
                h.reportedAt(),
                "REPORT",
                HazardState.REPORTED,
                HazardState.REPORTED,
                h.reportedBy(),
                h.description(),
                h.lon(),
                h.lat(),
                store.reportPhoto(h.id().value()).orElse(null)));
        out.addAll(store.steps(h.id().value()));
        return out;
    }

    @Override
    @Transactional(readOnly = true)
    public PhotoContent photo(HazardId id, UUID photoId) {
        Hazard h = find(id).orElseThrow(() -> new NotFoundException("hazard", id));
        return store.photo(h.id().value(), photoId)
                .map(e -> new PhotoContent(e.getKey(), e.getValue()))
                .orElseThrow(() -> new NotFoundException("photo", photoId));
    }

    @Override
    @Transactional(readOnly = true)
    public FollowUp followUp(String code) {
        String normalised = normaliseCode(code);
        Hazard h = normalised == null
                ? null
                : store.byFollowUp(sha256(normalised.getBytes(StandardCharsets.UTF_8)))
                        .orElse(null);
        if (h == null) {
            throw new NotFoundException("follow-up code", "");
        }
        List<HazardStep> steps = stepsOf(h).stream()
                .map(s -> new HazardStep(s.at(), s.action(), s.fromState(), s.toState(), "", null, null, null, null))
                .toList();
        return new FollowUp(h.number(), h.state(), h.reportedAt(), steps);
    }

    private JdbcHazardStore.Filter filter(HazardFilter f) {
        String path = null;
        if (f.division() != null && !f.division().isBlank()) {
            String code = f.division().strip();
            if (!code.matches("\\d{12}")) {
                throw InvalidInputException.field("division", "hazard.error.division");
            }
            path = divisions
                    .find(DivisionCode.of(code))
                    .map(cn.yingji.geo.Division::path)
                    .orElse("\u0000");
        }
        return new JdbcHazardStore.Filter(path, f.industry(), f.state(), f.grade(), f.card(), f.supervised(), f.q());
    }

    // ---- reports -------------------------------------------------------------------------------------------

    @Override
    @Transactional
    public ReportReceipt report(NewHazard cmd, @Nullable Photo photo, @Nullable String idempotencyKey) {
        roles.requireReporter();
        CurrentUser.Account account = currentUser.require();
        String key = key(idempotencyKey);
        UUID user = account.id().value();
        // No look-up before the INSERT: a used key makes it write nothing (ON CONFLICT), and only then is the
        // first hazard read, so the hot path stays one INSERT for the hazard, one for the photo and the audit.
        HazardSource source = roles.source();
        Organisation own = source == HazardSource.ENTERPRISE
                ? roles.ownEnterpriseOrganisation().orElse(null)
                : null;
        Draft d = validate(cmd, photo, own);
        if (!account.jurisdiction().canCapture(d.path)
                && !(own != null && own.id().value().equals(d.enterpriseId))) {
            throw InvalidInputException.field("lon", "hazard.error.outsideJurisdiction");
        }
        return insert(d, source, account.displayName(), user, key, null, null, photo);
    }

    @Override
    @Transactional
    public ReportReceipt reportAnonymously(
            NewHazard cmd, @Nullable Photo photo, String client, @Nullable String idempotencyKey) {
        String key = key(idempotencyKey);
        if (key != null) {
            Optional<Hazard> replay = store.byKey(null, key);
            if (replay.isPresent()) {
                return new ReportReceipt(replay.get(), null, true);
            }
        }
        Draft d = validate(cmd, photo, null);
        if (d.lon == null) {
            throw InvalidInputException.field("lon", "hazard.error.locationRequired");
        }
        String clientHash = sha256(("hazard-client:" + client).getBytes(StandardCharsets.UTF_8));
        Instant now = clock.now();
        if (store.recentFromClient(clientHash, now.minus(anonymousWindow)) >= maxAnonymousReports) {
            throw new RateLimitedException(maxAnonymousReports);
        }
        String code = newCode();
        return insert(
                d,
                HazardSource.RESIDENT,
                "anonymous",
                null,
                key,
                code,
                clientHash,
                photo,
                trim(cmd.reporterName(), 50),
                trim(cmd.reporterPhone(), 30));
    }

    private ReportReceipt insert(
            Draft d,
            HazardSource source,
            String by,
            @Nullable UUID user,
            @Nullable String key,
            @Nullable String code,
            @Nullable String clientHash,
            @Nullable Photo photo) {
        return insert(d, source, by, user, key, code, clientHash, photo, null, null);
    }

    private ReportReceipt insert(
            Draft d,
            HazardSource source,
            String by,
            @Nullable UUID user,
            @Nullable String key,
            @Nullable String code,
            @Nullable String clientHash,
            @Nullable Photo photo,
            @Nullable String reporterName,
            @Nullable String reporterPhone) {
        Instant now = clock.now();
        HazardId id = HazardId.random();
        String prefix = "YH" + DAY.format(now.atZone(clock.zone())) + "-";
        Hazard h = new Hazard(
                id,
                prefix,
                d.title,
                d.description,
                d.grade,
                d.industry,
                source,
                HazardState.REPORTED,
                d.path,
                d.grid,
                d.lon,
                d.lat,
                d.address,
                d.enterpriseId,
                d.enterpriseName,
                by,
                now,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                false,
                null,
                HazardCard.NONE,
                null,
                0);
        String codeHash = code == null ? null : sha256(code.getBytes(StandardCharsets.UTF_8));
        JdbcHazardStore.ReportPhoto reportPhoto = d.photoType != null && photo != null
                ? new JdbcHazardStore.ReportPhoto(
                        Uuids.timeOrdered(), d.photoType, photo.content(), sha256(photo.content()))
                : null;
        Optional<String> number =
                store.insert(h, user, key, codeHash, clientHash, reporterName, reporterPhone, reportPhoto);
        if (number.isEmpty()) {
            // The idempotency key was used before (or by a concurrent request): answer the first hazard.
            return new ReportReceipt(store.byKey(user, key).orElseThrow(), null, true);
        }
        Hazard saved = new Hazard(
                id,
                number.get(),
                h.title(),
                h.description(),
                h.grade(),
                h.industry(),
                h.source(),
                h.state(),
                h.divisionPath(),
                h.gridCode(),
                h.lon(),
                h.lat(),
                h.address(),
                h.enterpriseId(),
                h.enterpriseName(),
                h.reportedBy(),
                h.reportedAt(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                false,
                null,
                HazardCard.NONE,
                null,
                0);
        audit.record("report", "hazard.hazard", id.toString(), d.path, null, saved);
        events.publishEvent(new HazardReported(
                id, saved.number(), saved.grade(), source, d.path, saved.industry(), saved.reportedAt(), saved));
        return new ReportReceipt(saved, code == null ? null : display(code), false);
    }

    private record Draft(
            String title,
            String description,
            HazardGrade grade,
            String industry,
            String path,
            @Nullable String grid,
            @Nullable Double lon,
            @Nullable Double lat,
            @Nullable String address,
            @Nullable UUID enterpriseId,
            @Nullable String enterpriseName,
            @Nullable String photoType) {}

    private Draft validate(NewHazard cmd, @Nullable Photo photo, @Nullable Organisation own) {
        List<FieldError> errors = new ArrayList<>();
        String description = text(errors, "description", cmd.description(), 2000, true);
        String title = text(errors, "title", cmd.title(), 100, false);
        String address = text(errors, "address", cmd.address(), 300, false);
        text(errors, "reporterName", cmd.reporterName(), 50, false);
        text(errors, "reporterPhone", cmd.reporterPhone(), 30, false);
        String industry = cmd.industry() == null || cmd.industry().isBlank()
                ? "OTHER"
                : cmd.industry().strip().toUpperCase(Locale.ROOT);
        if (!INDUSTRIES.contains(industry)) {
            errors.add(new FieldError("industry", "hazard.error.industry"));
        }
        String photoType = photo(errors, "photo", photo, true);
        coordinates(errors, cmd.lon(), cmd.lat());
        UUID enterpriseId = null;
        String enterpriseName = null;
        Organisation enterprise = own;
        if (cmd.enterpriseId() != null) {
            enterprise = directory
                    .findOrganisation(new OrganisationId(cmd.enterpriseId()))
                    .filter(o -> o.kind() == OrganisationKind.ENTERPRISE)
                    .orElse(null);
            if (enterprise == null) {
                errors.add(new FieldError("enterpriseId", "hazard.error.enterprise"));
            }
        }
        if (enterprise != null) {
            enterpriseId = enterprise.id().value();
            enterpriseName = enterprise.name();
        }
        Double lon = cmd.lon();
        Double lat = cmd.lat();
        String path = null;
        String grid = null;
        if (lon != null
                && lat != null
                && errors.stream().noneMatch(e -> e.field().equals("lon"))) {
            Location loc = divisions.locate(lon, lat).orElse(null);
            if (loc == null || loc.chain().isEmpty()) {
                errors.add(new FieldError("lon", "hazard.error.outsideDivisions"));
            } else {
                path = loc.path();
                grid = loc.grid() == null ? null : loc.grid().code();
            }
        } else if (lon == null && lat == null && enterprise != null && own != null) {
            // Enterprise self-inspection without coordinates: at the enterprise's seat.
            path = enterprise.divisionPath();
            lon = enterprise.lon();
            lat = enterprise.lat();
        } else if (lon == null && lat == null) {
            errors.add(new FieldError("lon", "hazard.error.locationRequired"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("error.validation", errors);
        }
        if (title == null) {
            title = description.length() > 30 ? description.substring(0, 30) + "…" : description;
        }
        return new Draft(
                title,
                description,
                cmd.grade() == null ? HazardGrade.GENERAL : cmd.grade(),
                industry,
                path,
                grid,
                lon,
                lat,
                address,
                enterpriseId,
                enterpriseName,
                photoType);
    }

    // ---- lifecycle -----------------------------------------------------------------------------------------

    @Override
    @Transactional
    public Hazard verify(HazardId id, @Nullable HazardGrade grade, StepInput input) {
        return step(id, HazardRoles.VERIFIERS, HazardState.VERIFIED, "VERIFY", input, false, (h, cols) -> {
            HazardGrade g = grade == null ? h.grade() : grade;
            cols.put("grade", g);
            cols.put("verified_at", clock.now());
            supervise(h, g, cols);
        });
    }

    @Override
    @Transactional
    public Hazard reject(HazardId id, StepInput input) {
        return step(id, HazardRoles.VERIFIERS, HazardState.REJECTED, "REJECT", input, false, (h, cols) -> {
            String reason = requireNote(input);
            cols.put("reason", reason);
        });
    }

    @Override
    @Transactional
    public Hazard merge(HazardId id, HazardId into, StepInput input) {
        return step(id, HazardRoles.VERIFIERS, HazardState.MERGED, "MERGE", input, false, (h, cols) -> {
            Hazard target =
                    into == null ? null : store.find(into.value(), scope()).orElse(null);
            if (target == null || target.id().equals(h.id()) || target.state().terminal()) {
                throw InvalidInputException.field("into", "hazard.error.mergeTarget");
            }
            cols.put("merged_into", target.id().value());
        });
    }

    @Override
    @Transactional
    public Hazard assign(HazardId id, Assignment a, StepInput input) {
        return step(id, HazardRoles.ASSIGNERS, HazardState.ASSIGNED, "ASSIGN", input, false, (h, cols) -> {
            List<FieldError> errors = new ArrayList<>();
            HazardGrade grade = a.grade() == null ? h.grade() : a.grade();
            String responsible = text(errors, "responsible", a.responsible(), 100, true);
            String measures = text(errors, "measures", a.measures(), 2000, true);
            String plan = text(errors, "contingencyPlan", a.contingencyPlan(), 2000, grade == HazardGrade.MAJOR);
            if (a.funds() == null) {
                errors.add(new FieldError("funds", "hazard.error.required"));
            } else if (a.funds().signum() < 0 || a.funds().compareTo(new BigDecimal("1000000000000")) >= 0) {
                errors.add(new FieldError("funds", "hazard.error.funds"));
            }
            LocalDate deadline = a.deadline();
            if (deadline == null) {
                errors.add(new FieldError("deadline", "hazard.error.required"));
            } else if (deadline.isBefore(clock.today())) {
                errors.add(new FieldError("deadline", "hazard.error.deadlinePast"));
            } else if (deadline.isAfter(clock.today().plusYears(3))) {
                errors.add(new FieldError("deadline", "hazard.error.deadlineFar"));
            }
            Organisation enterprise = null;
            if (a.enterpriseId() != null) {
                enterprise = directory
                        .findOrganisation(new OrganisationId(a.enterpriseId()))
                        .filter(o -> o.kind() == OrganisationKind.ENTERPRISE)
                        .orElse(null);
                if (enterprise == null) {
                    errors.add(new FieldError("enterpriseId", "hazard.error.enterprise"));
                }
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException("error.validation", errors);
            }
            cols.put("grade", grade);
            cols.put("responsible", responsible);
            cols.put("measures", measures);
            cols.put("funds", a.funds());
            cols.put("deadline", deadline);
            cols.put("deadline_at", clock.endOf(deadline));
            cols.put("contingency_plan", plan);
            cols.put("assigned_at", clock.now());
            if (enterprise != null) {
                cols.put("enterprise_id", enterprise.id().value());
                cols.put("enterprise_name", enterprise.name());
            }
            supervise(h, grade, cols);
        });
    }

    @Override
    @Transactional
    public Hazard start(HazardId id, StepInput input) {
        return step(id, HazardRoles.RECTIFIERS, HazardState.RECTIFYING, "START", input, false, (h, cols) -> {
            if (h.state() != HazardState.ASSIGNED) {
                throw new ConflictException("hazard.error.transition", h.state().name(), HazardState.RECTIFYING.name());
            }
            requireOwnIfEnterpriseOnly(h);
        });
    }

    @Override
    @Transactional
    public Hazard rectify(HazardId id, StepInput input) {
        return step(id, HazardRoles.RECTIFIERS, HazardState.RECTIFIED, "RECTIFY", input, true, (h, cols) -> {
            requireOwnIfEnterpriseOnly(h);
            cols.put("rectified_by", roles.actor());
            cols.put("rectified_by_user", roles.userId());
            cols.put("rectified_at", clock.now());
        });
    }

    @Override
    @Transactional
    public Hazard accept(HazardId id, boolean passed, StepInput input) {
        HazardState to = passed ? HazardState.ACCEPTED : HazardState.RECTIFYING;
        return step(id, null, to, passed ? "ACCEPT" : "REWORK", input, false, (h, cols) -> {
            if (h.state() != HazardState.RECTIFIED) {
                throw new ConflictException("hazard.error.transition", h.state().name(), to.name());
            }
            roles.requireAcceptor(h);
            if (h.grade() != HazardGrade.MAJOR) {
                requireOwnIfEnterpriseOnly(h);
            }
            UUID rectifier = store.rectifiedByUser(h.id().value());
            UUID me = roles.userId();
            if (me != null && me.equals(rectifier)) {
                throw new ConflictException("hazard.error.selfAcceptance");
            }
            if (passed) {
                cols.put("accepted_by", roles.actor());
                cols.put("accepted_at", clock.now());
            } else {
                requireNote(input);
            }
        });
    }

    @Override
    @Transactional
    public Hazard close(HazardId id, StepInput input) {
        return step(id, HazardRoles.ASSIGNERS, HazardState.CLOSED, "CLOSE", input, false, (h, cols) -> {
            cols.put("closed_at", clock.now());
        });
    }

    private interface StepRule {
        void apply(Hazard before, Map<String, @Nullable Object> columns);
    }

    /**
     * The common shape of a step: visible (404), writable (403), the role (403), allowed from the current state
     * (409), then the input (400); then the row, a step entry, an optional photo and the audit entry.
     */
    private Hazard step(
            HazardId id,
            @Nullable Set<Role> allowed,
            HazardState to,
            String action,
            StepInput input,
            boolean photoRequired,
            StepRule rule) {
        UUID own = roles.ownEnterprise();
        Hazard before = store.lock(id.value(), scope(own)).orElseThrow(() -> new NotFoundException("hazard", id));
        roles.requireWrite(before, own);
        if (allowed != null) {
            roles.require(allowed, action.toLowerCase(Locale.ROOT));
        }
        if (!before.state().canMoveTo(to)) {
            throw new ConflictException(
                    "hazard.error.transition", before.state().name(), to.name());
        }
        List<FieldError> errors = new ArrayList<>();
        String note = text(errors, "note", input.note(), 2000, false);
        coordinates(errors, input.lon(), input.lat());
        String photoType = photo(errors, "photo", input.photo(), photoRequired);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("error.validation", errors);
        }
        Map<String, @Nullable Object> cols = new LinkedHashMap<>();
        rule.apply(before, cols);
        cols.put("state", to);
        Instant now = clock.now();
        UUID photoId = null;
        if (photoType != null && input.photo() != null) {
            photoId = Uuids.timeOrdered();
            byte[] content = input.photo().content();
            store.insertPhoto(photoId, before.id().value(), photoType, content, sha256(content), roles.actor(), now);
        }
        store.update(before.id().value(), now, cols);
        store.insertStep(
                before.id().value(),
                before.divisionPath(),
                now,
                action,
                before.state(),
                to,
                roles.actor(),
                roles.userId(),
                note,
                input.lon(),
                input.lat(),
                photoId);
        Hazard after = store.find(before.id().value(), JdbcHazardStore.Scope.EVERYTHING)
                .orElseThrow();
        audit.record(
                action.toLowerCase(Locale.ROOT), "hazard.hazard", id.toString(), before.divisionPath(), before, after);
        events.publishEvent(new HazardStateChanged(
                after.id(),
                after.number(),
                after.grade(),
                after.industry(),
                before.state(),
                after.state(),
                after.divisionPath(),
                after.deadline(),
                now));
        return after;
    }

    private void requireOwnIfEnterpriseOnly(Hazard h) {
        Optional<CurrentUser.Account> a = roles.account();
        if (a.isEmpty()) {
            return;
        }
        boolean enterpriseOnly = a.get().roles().stream()
                .filter(r -> r != Role.ENTERPRISE_USER)
                .noneMatch(HazardRoles.RECTIFIERS::contains);
        if (enterpriseOnly) {
            UUID own = roles.ownEnterprise();
            if (own == null || !own.equals(h.enterpriseId())) {
                throw new AccessDeniedException("enterprise users act only on their own enterprise's hazards");
            }
        }
    }

    /** A major hazard is listed for supervision (挂牌督办) by the level above the place it is in. */
    private static void supervise(Hazard h, HazardGrade grade, Map<String, @Nullable Object> cols) {
        boolean major = grade == HazardGrade.MAJOR;
        cols.put("supervised", major);
        cols.put("supervising_path", major ? supervisor(h.divisionPath()) : null);
    }

    /** The supervising level: the county for anything below it, the city for a county or the city itself. */
    static String supervisor(String path) {
        String[] seg = path.replaceAll("^/|/$", "").split("/");
        if (seg.length >= 3) {
            return "/" + seg[0] + "/" + seg[1] + "/";
        }
        return "/" + seg[0] + "/";
    }

    private static String requireNote(StepInput input) {
        if (input.note() == null || input.note().isBlank()) {
            throw InvalidInputException.field("note", "hazard.error.reasonRequired");
        }
        return input.note().strip();
    }

    // ---- overdue sweep -------------------------------------------------------------------------------------

    /**
     * Raises red cards on hazards past their deadline (escalated to the supervising level) and yellow cards on
     * those due within {@code yingji.hazard.yellow-card-days}; each once. Answers how many cards were raised.
     */
    @Transactional
    public int sweep() {
        Instant now = clock.now();
        int n = 0;
        for (JdbcHazardStore.Carded c : store.cardRed(now)) {
            String to = supervisor(c.path());
            store.update(c.id(), now, Map.of("escalated_path", to));
            card(c, HazardCard.RED, to, now);
            n++;
        }
        Instant horizon = now.plus(Duration.ofDays(yellowCardDays));
        for (JdbcHazardStore.Carded c : store.cardYellow(now, horizon)) {
            card(c, HazardCard.YELLOW, null, now);
            n++;
        }
        return n;
    }

    private void card(JdbcHazardStore.Carded c, HazardCard card, @Nullable String escalatedTo, Instant now) {
        store.insertStep(
                c.id(),
                c.path(),
                now,
                "CARD_" + card.name(),
                c.state(),
                c.state(),
                "system",
                null,
                escalatedTo,
                null,
                null,
                null);
        audit.record(
                "card",
                "hazard.hazard",
                c.id().toString(),
                c.path(),
                null,
                Map.of("card", card.name(), "escalatedTo", escalatedTo == null ? "" : escalatedTo));
        events.publishEvent(
                new HazardCardRaised(new HazardId(c.id()), c.number(), card, c.path(), escalatedTo, c.deadline()));
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private String photo(List<FieldError> errors, String field, @Nullable Photo photo, boolean required) {
        if (photo == null || photo.content() == null || photo.content().length == 0) {
            if (required) {
                errors.add(new FieldError(field, "hazard.error.photoRequired"));
            }
            return null;
        }
        if (photo.content().length > maxPhotoBytes) {
            errors.add(new FieldError(field, "hazard.error.photoSize", maxPhotoBytes / (1024 * 1024)));
            return null;
        }
        String type = imageType(photo.content());
        if (type == null) {
            errors.add(new FieldError(field, "hazard.error.photoType"));
        }
        return type;
    }

    /** The image type from the leading bytes (JPEG, PNG, GIF, WebP), or null when it is not one of them. */
    static @Nullable String imageType(byte[] b) {
        return cn.yingji.shared.FileTypes.image(b);
    }

    private static void coordinates(List<FieldError> errors, @Nullable Double lon, @Nullable Double lat) {
        if ((lon == null) != (lat == null)) {
            errors.add(new FieldError(lon == null ? "lon" : "lat", "hazard.error.coordinatesPair"));
            return;
        }
        if (lon != null && (lon.isNaN() || lon < -180 || lon > 180)) {
            errors.add(new FieldError("lon", "hazard.error.lon"));
        }
        if (lat != null && (lat.isNaN() || lat < -90 || lat > 90)) {
            errors.add(new FieldError("lat", "hazard.error.lat"));
        }
    }

    private static @Nullable String text(
            List<FieldError> errors, String field, @Nullable String value, int max, boolean required) {
        String v = value == null ? null : value.strip();
        if (v == null || v.isEmpty()) {
            if (required) {
                errors.add(new FieldError(field, "hazard.error.required"));
            }
            return null;
        }
        if (v.length() > max) {
            errors.add(new FieldError(field, "hazard.error.tooLong", max));
            return null;
        }
        return v;
    }

    private static @Nullable String trim(@Nullable String s, int max) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        return t.length() > max ? t.substring(0, max) : t;
    }

    private static @Nullable String key(@Nullable String idempotencyKey) {
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
        if (key != null && !KEY.matcher(key).matches()) {
            throw InvalidInputException.field("Idempotency-Key", "hazard.error.idempotencyKey");
        }
        return key;
    }

    private static String newCode() {
        StringBuilder sb = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            sb.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return sb.toString();
    }

    private static String display(String code) {
        return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8, 12) + "-"
                + code.substring(12);
    }

    private static @Nullable String normaliseCode(@Nullable String code) {
        if (code == null) {
            return null;
        }
        String c = code.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        return c.length() == CODE_LENGTH ? c : null;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
