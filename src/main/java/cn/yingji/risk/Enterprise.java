package cn.yingji.risk;

import cn.yingji.directory.OrganisationId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An enterprise (生产经营单位) in the registry: the directory organisation with what risk prevention needs of it.
 *
 * @param id the directory organisation
 * @param creditCode its unified social credit code (GB 32100)
 * @param name its registered name
 * @param industry industry code (see {@link Enterprises#industries()}); decides the supervising department through
 *     the 三管三必须 matrix
 * @param size enterprise size
 * @param employees number of employees, when known
 * @param status operating, suspended or closed
 * @param address street address
 * @param lon WGS-84 longitude of its main site
 * @param lat WGS-84 latitude of its main site
 * @param divisionPath the division it lies in (materialised path)
 * @param gridCode the grid it lies in, when located by a point inside a grid
 * @param safetyOfficer the person responsible for safety (安全管理负责人)
 * @param safetyOfficerPhone that person's phone
 * @param updatedAt last change
 * @param version optimistic-lock version
 */
public record Enterprise(
        OrganisationId id,
        String creditCode,
        String name,
        String industry,
        EnterpriseSize size,
        @Nullable Integer employees,
        EnterpriseStatus status,
        @Nullable String address,
        @Nullable Double lon,
        @Nullable Double lat,
        String divisionPath,
        @Nullable String gridCode,
        @Nullable String safetyOfficer,
        @Nullable String safetyOfficerPhone,
        Instant updatedAt,
        int version) {}
