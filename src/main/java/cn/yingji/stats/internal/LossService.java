package cn.yingji.stats.internal;

import cn.yingji.geo.Division;
import cn.yingji.geo.DivisionCode;
import cn.yingji.geo.Divisions;
import cn.yingji.identity.AuditTrail;
import cn.yingji.identity.CurrentUser;
import cn.yingji.shared.DomainException.FieldError;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NotFoundException;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 灾情报送: natural-disaster loss reports per division and period, optionally linked to an event; audited. */
@Service
class LossService {

    private final JdbcClient jdbc;
    private final Divisions divisions;
    private final CurrentUser currentUser;
    private final AuditTrail audit;

    LossService(JdbcClient jdbc, Divisions divisions, CurrentUser currentUser, AuditTrail audit) {
        this.jdbc = jdbc;
        this.divisions = divisions;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /** A loss report as entered. */
    record LossInput(
            @Nullable String divisionCode,
            @Nullable LocalDate periodFrom,
            @Nullable LocalDate periodTo,
            @Nullable String hazardKind,
            @Nullable UUID incidentId,
            @Nullable Integer affected,
            @Nullable Integer relocated,
            @Nullable Integer housesDamaged,
            @Nullable Integer housesCollapsed,
            @Nullable BigDecimal cropArea,
            @Nullable BigDecimal directLoss,
            @Nullable String note) {}

    /** A stored loss report. */
    record Loss(
            UUID id,
            String divisionCode,
            String divisionPath,
            LocalDate periodFrom,
            LocalDate periodTo,
            String hazardKind,
            @Nullable UUID incidentId,
            int affected,
            int relocated,
            int housesDamaged,
            int housesCollapsed,
            BigDecimal cropArea,
            BigDecimal directLoss,
            @Nullable String note,
            String createdBy) {}

    /** Totals of the loss reports in a period. */
    record LossTotals(
            long reports,
            long affected,
            long relocated,
            long housesDamaged,
            long housesCollapsed,
            BigDecimal cropArea,
            BigDecimal directLoss) {}

    @Transactional
    Loss create(LossInput in) {
        List<FieldError> errors = new ArrayList<>();
        Division d = null;
        if (in.divisionCode() == null || in.divisionCode().isBlank()) {
            errors.add(new FieldError("divisionCode", "stats.error.required"));
        } else {
            d = divisions.find(new DivisionCode(in.divisionCode().trim())).orElse(null);
            if (d == null) {
                errors.add(new FieldError("divisionCode", "stats.error.division"));
            }
        }
        if (in.periodFrom() == null) {
            errors.add(new FieldError("periodFrom", "stats.error.required"));
        }
        if (in.periodTo() == null) {
            errors.add(new FieldError("periodTo", "stats.error.required"));
        } else if (in.periodFrom() != null && in.periodTo().isBefore(in.periodFrom())) {
            errors.add(new FieldError("periodTo", "stats.error.period"));
        }
        if (in.hazardKind() == null || in.hazardKind().isBlank()) {
            errors.add(new FieldError("hazardKind", "stats.error.required"));
        }
        nonNegative(errors, "affected", in.affected());
        nonNegative(errors, "relocated", in.relocated());
        nonNegative(errors, "housesDamaged", in.housesDamaged());
        nonNegative(errors, "housesCollapsed", in.housesCollapsed());
        nonNegative(errors, "cropArea", in.cropArea());
        nonNegative(errors, "directLoss", in.directLoss());
        if (!errors.isEmpty()) {
            throw new InvalidInputException("error.validation", errors);
        }
        if (currentUser.get().isPresent()) {
            currentUser.requireCapture(d.path(), "division", d.code().value());
        }
        Loss loss = new Loss(
                UUID.randomUUID(),
                d.code().value(),
                d.path(),
                in.periodFrom(),
                in.periodTo(),
                in.hazardKind().trim(),
                in.incidentId(),
                orZero(in.affected()),
                orZero(in.relocated()),
                orZero(in.housesDamaged()),
                orZero(in.housesCollapsed()),
                in.cropArea() == null ? BigDecimal.ZERO : in.cropArea(),
                in.directLoss() == null ? BigDecimal.ZERO : in.directLoss(),
                in.note() == null || in.note().isBlank() ? null : in.note().trim(),
                currentUser.get().map(CurrentUser.Account::username).orElse("system"));
        jdbc.sql("""
                        insert into stats.disaster_loss (id, division_code, division_path, period_from, period_to,
                            hazard_kind, incident_id, affected, relocated, houses_damaged, houses_collapsed,
                            crop_area, direct_loss, note, created_by)
                        values (:id, :code, :path, :from, :to, :kind, :incident, :affected, :relocated, :damaged,
                            :collapsed, :crop, :loss, :note, :by)""")
                .param("id", loss.id())
                .param("code", loss.divisionCode())
                .param("path", loss.divisionPath())
                .param("from", Date.valueOf(loss.periodFrom()))
                .param("to", Date.valueOf(loss.periodTo()))
                .param("kind", loss.hazardKind())
                .param("incident", loss.incidentId())
                .param("affected", loss.affected())
                .param("relocated", loss.relocated())
                .param("damaged", loss.housesDamaged())
                .param("collapsed", loss.housesCollapsed())
                .param("crop", loss.cropArea())
                .param("loss", loss.directLoss())
                .param("note", loss.note())
                .param("by", loss.createdBy())
                .update();
        audit.record("create", "stats.disaster_loss", loss.id().toString(), loss.divisionPath(), null, loss);
        return loss;
    }

    @Transactional(readOnly = true)
    Loss get(UUID id) {
        Loss l = jdbc.sql("select * from stats.disaster_loss where id = :id")
                .param("id", id)
                .query(LossService::map)
                .optional()
                .orElseThrow(() -> new NotFoundException("disasterLoss", id));
        currentUser.requireView(l.divisionPath(), "disasterLoss", id);
        return l;
    }

    @Transactional(readOnly = true)
    List<Loss> list(StatsService.Scope s, @Nullable LocalDate from, @Nullable LocalDate to, int limit) {
        return jdbc.sql("""
                        select * from stats.disaster_loss
                        where division_path like :under and division_path like any (array[:patterns])
                          and period_to >= :from and period_from <= :to
                        order by period_from desc, created_at desc limit :limit""")
                .param("under", StatsService.like(s.path()))
                .param("patterns", s.patterns())
                .param("from", from == null ? LocalDate.of(1900, 1, 1) : from)
                .param("to", to == null ? LocalDate.of(9999, 12, 31) : to)
                .param("limit", limit)
                .query(LossService::map)
                .list();
    }

    /** Sums of the reports whose period starts in [from, to]. */
    @Transactional(readOnly = true)
    LossTotals totals(StatsService.Scope s, @Nullable LocalDate from, @Nullable LocalDate to) {
        return jdbc.sql("""
                        select count(*), coalesce(sum(affected),0), coalesce(sum(relocated),0),
                            coalesce(sum(houses_damaged),0), coalesce(sum(houses_collapsed),0),
                            coalesce(sum(crop_area),0), coalesce(sum(direct_loss),0)
                        from stats.disaster_loss
                        where division_path like :under and division_path like any (array[:patterns])
                          and period_from >= :from and period_from <= :to""")
                .param("under", StatsService.like(s.path()))
                .param("patterns", s.patterns())
                .param("from", from == null ? LocalDate.of(1900, 1, 1) : from)
                .param("to", to == null ? LocalDate.of(9999, 12, 31) : to)
                .query((rs, n) -> new LossTotals(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getBigDecimal(6),
                        rs.getBigDecimal(7)))
                .single();
    }

    private static Loss map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Loss(
                rs.getObject("id", UUID.class),
                rs.getString("division_code"),
                rs.getString("division_path"),
                rs.getDate("period_from").toLocalDate(),
                rs.getDate("period_to").toLocalDate(),
                rs.getString("hazard_kind"),
                rs.getObject("incident_id", UUID.class),
                rs.getInt("affected"),
                rs.getInt("relocated"),
                rs.getInt("houses_damaged"),
                rs.getInt("houses_collapsed"),
                rs.getBigDecimal("crop_area"),
                rs.getBigDecimal("direct_loss"),
                rs.getString("note"),
                rs.getString("created_by"));
    }

    private static int orZero(@Nullable Integer i) {
        return i == null ? 0 : i;
    }

    private static void nonNegative(List<FieldError> errors, String field, @Nullable Number n) {
        if (n != null && n.doubleValue() < 0) {
            errors.add(new FieldError(field, "stats.error.negative"));
        }
    }
}
