package cn.yingji.risk.internal;

import cn.yingji.directory.OrganisationId;
import cn.yingji.risk.Enterprise;
import cn.yingji.risk.EnterpriseFilter;
import cn.yingji.risk.EnterpriseSize;
import cn.yingji.risk.EnterpriseStatus;
import cn.yingji.risk.Industry;
import cn.yingji.shared.PageQuery;
import cn.yingji.shared.PageResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the enterprise registry ({@code risk.enterprises}, {@code risk.industries}). */
@Repository
class JdbcEnterpriseStore {

    private static final String COLUMNS = "organisation_id, credit_code, name, industry, size, employees, status,"
            + " address, lon, lat, division_path, grid_code, safety_officer, safety_officer_phone, updated_at, version";

    private final JdbcClient jdbc;

    JdbcEnterpriseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Industry> industries() {
        return jdbc.sql("select code, name_zh, name_en from risk.industries order by position, code")
                .query((rs, n) -> new Industry(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    Optional<Enterprise> find(UUID id, List<String> scope) {
        return jdbc.sql(
                        "select " + COLUMNS
                                + " from risk.enterprises where organisation_id = :id and division_path like any (array[:scope])")
                .param("id", id)
                .param("scope", scope)
                .query(JdbcEnterpriseStore::map)
                .optional();
    }

    /** By credit code, whatever the jurisdiction (uniqueness checks and imports). */
    Optional<Enterprise> byCreditCode(String creditCode) {
        return jdbc.sql("select " + COLUMNS + " from risk.enterprises where credit_code = :code")
                .param("code", creditCode)
                .query(JdbcEnterpriseStore::map)
                .optional();
    }

    PageResult<Enterprise> list(EnterpriseFilter f, List<String> industries, PageQuery page, List<String> scope) {
        JdbcRiskStore.Where w = where(f, industries, scope);
        long total = w.bind(jdbc.sql("select count(*) from risk.enterprises" + w))
                .query(Long.class)
                .single();
        List<Enterprise> items = w.bind(jdbc.sql("select " + COLUMNS + " from risk.enterprises" + w
                        + " order by name, organisation_id limit :limit offset :offset"))
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(JdbcEnterpriseStore::map)
                .list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    void each(EnterpriseFilter f, List<String> industries, List<String> scope, Consumer<Enterprise> sink) {
        JdbcRiskStore.Where w = where(f, industries, scope);
        w.bind(jdbc.sql("select " + COLUMNS + " from risk.enterprises" + w + " order by division_path, name"))
                .query((RowCallbackHandler) rs -> sink.accept(map(rs, 0)));
    }

    /**
     * The filter; {@code industries} is the set a department filter resolved to through the matrix (an empty list
     * with a department filter matches nothing).
     */
    private static JdbcRiskStore.Where where(EnterpriseFilter f, List<String> industries, List<String> scope) {
        JdbcRiskStore.Where w = new JdbcRiskStore.Where(scope);
        if (JdbcRiskStore.notBlank(f.q())) {
            w.and("(name ilike :q or credit_code ilike :q)", "q", JdbcRiskStore.contains(f.q()));
        }
        if (JdbcRiskStore.notBlank(f.industry())) {
            w.and("industry = :industry", "industry", f.industry().strip());
        }
        if (f.size() != null) {
            w.and("size = :size", "size", f.size().name());
        }
        if (f.status() != null) {
            w.and("status = :status", "status", f.status().name());
        }
        if (JdbcRiskStore.notBlank(f.division())) {
            w.and(
                    "division_path like :division",
                    "division",
                    "%/" + JdbcRiskStore.escape(f.division().strip()) + "/%");
        }
        if (JdbcRiskStore.notBlank(f.department())) {
            if (industries.isEmpty()) {
                w.and("false", null, null);
            } else {
                w.and("industry = any (array[:industries])", "industries", industries);
            }
        }
        return w;
    }

    void insert(Enterprise e) {
        jdbc.sql("insert into risk.enterprises (" + COLUMNS + ", created_at)"
                        + " values (:id, :code, :name, :industry, :size, :employees, :status, :address, :lon, :lat,"
                        + " :path, :grid, :officer, :phone, :at, :version, :at)")
                .params(params(e))
                .update();
    }

    boolean update(Enterprise e, int expectedVersion) {
        return jdbc.sql("""
                        update risk.enterprises set name = :name, industry = :industry, size = :size,
                               employees = :employees, status = :status, address = :address, lon = :lon, lat = :lat,
                               division_path = :path, grid_code = :grid, safety_officer = :officer,
                               safety_officer_phone = :phone, updated_at = :at, version = :version
                         where organisation_id = :id and version = :expected""")
                        .params(params(e))
                        .param("expected", expectedVersion)
                        .update()
                == 1;
    }

    private static java.util.Map<String, @Nullable Object> params(Enterprise e) {
        java.util.Map<String, @Nullable Object> p = new java.util.HashMap<>();
        p.put("id", e.id().value());
        p.put("code", e.creditCode());
        p.put("name", e.name());
        p.put("industry", e.industry());
        p.put("size", e.size().name());
        p.put("employees", e.employees());
        p.put("status", e.status().name());
        p.put("address", e.address());
        p.put("lon", e.lon());
        p.put("lat", e.lat());
        p.put("path", e.divisionPath());
        p.put("grid", e.gridCode());
        p.put("officer", e.safetyOfficer());
        p.put("phone", e.safetyOfficerPhone());
        p.put("at", Timestamp.from(e.updatedAt()));
        p.put("version", e.version());
        return p;
    }

    private static Enterprise map(ResultSet rs, int n) throws SQLException {
        int employees = rs.getInt("employees");
        Integer emp = rs.wasNull() ? null : employees;
        double lon = rs.getDouble("lon");
        Double lo = rs.wasNull() ? null : lon;
        double lat = rs.getDouble("lat");
        Double la = rs.wasNull() ? null : lat;
        return new Enterprise(
                new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                rs.getString("credit_code"),
                rs.getString("name"),
                rs.getString("industry"),
                EnterpriseSize.valueOf(rs.getString("size")),
                emp,
                EnterpriseStatus.valueOf(rs.getString("status")),
                rs.getString("address"),
                lo,
                la,
                rs.getString("division_path"),
                rs.getString("grid_code"),
                rs.getString("safety_officer"),
                rs.getString("safety_officer_phone"),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getInt("version"));
    }
}
