package cn.yingji.directory;

import org.jspecify.annotations.Nullable;

/**
 * Command to create an organisation, or the complete new state when updating one.
 *
 * @param kind what kind of body it is
 * @param name full official name, 1–200 characters
 * @param shortName short name, up to 50 characters
 * @param creditCode unified social credit code (统一社会信用代码, GB 32100-2015); required for {@link
 *     OrganisationKind#ENTERPRISE}, optional otherwise; unique; lower case is accepted and upper-cased
 * @param parent the parent organisation (e.g. a department's bureau), which must be visible to the caller
 * @param divisionPath division the organisation belongs to; when null, the parent's path is used
 * @param address postal address, up to 300 characters
 * @param lon WGS-84 longitude of its seat; given together with {@code lat} or not at all
 * @param lat WGS-84 latitude of its seat
 */
public record NewOrganisation(
        OrganisationKind kind,
        String name,
        @Nullable String shortName,
        @Nullable String creditCode,
        @Nullable OrganisationId parent,
        @Nullable String divisionPath,
        @Nullable String address,
        @Nullable Double lon,
        @Nullable Double lat) {}
