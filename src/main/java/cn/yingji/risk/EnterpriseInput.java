package cn.yingji.risk;

import org.jspecify.annotations.Nullable;

/**
 * What a registration or an edit of an enterprise says. Everything is checked by the registry; fields may be null
 * so that one answer lists every problem.
 *
 * @param creditCode unified social credit code; fixed once registered
 * @param name registered name
 * @param industry industry code
 * @param size size class
 * @param employees number of employees
 * @param status operating state; null means operating
 * @param address street address
 * @param lon longitude of the main site; with {@code lat} it decides division and grid
 * @param lat latitude of the main site
 * @param divisionCode the 12-digit division, when no point is given
 * @param safetyOfficer person responsible for safety
 * @param safetyOfficerPhone that person's phone (mobile or landline)
 */
public record EnterpriseInput(
        @Nullable String creditCode,
        @Nullable String name,
        @Nullable String industry,
        @Nullable EnterpriseSize size,
        @Nullable Integer employees,
        @Nullable EnterpriseStatus status,
        @Nullable String address,
        @Nullable Double lon,
        @Nullable Double lat,
        @Nullable String divisionCode,
        @Nullable String safetyOfficer,
        @Nullable String safetyOfficerPhone) {}
