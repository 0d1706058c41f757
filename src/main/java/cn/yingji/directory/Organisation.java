package cn.yingji.directory;

import org.jspecify.annotations.Nullable;

/**
 * An organisation as read from the directory.
 *
 * @param id identifier
 * @param kind what kind of body it is
 * @param name full official name
 * @param shortName short name, if any
 * @param creditCode unified social credit code, if any
 * @param parent parent organisation, if any
 * @param divisionPath division path it belongs to (scopes who may see it)
 * @param address postal address, if any
 * @param lon WGS-84 longitude of its seat, if known
 * @param lat WGS-84 latitude of its seat, if known
 * @param version optimistic-lock version; pass it back when updating
 */
public record Organisation(
        OrganisationId id,
        OrganisationKind kind,
        String name,
        @Nullable String shortName,
        @Nullable String creditCode,
        @Nullable OrganisationId parent,
        String divisionPath,
        @Nullable String address,
        @Nullable Double lon,
        @Nullable Double lat,
        int version) {}
