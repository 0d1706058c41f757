package cn.yingji.risk;

import cn.yingji.directory.OrganisationId;
import cn.yingji.shared.PageQuery;
import cn.yingji.shared.PageResult;
import java.util.List;
import java.util.Optional;

/** Reads of the enterprise registry, always within the caller's view jurisdiction (foreign enterprises are absent). */
public interface Enterprises {

    /** One enterprise, empty when unknown or outside the caller's jurisdiction. */
    Optional<Enterprise> find(OrganisationId id);

    /** A page of enterprises matching the filter, by name. */
    PageResult<Enterprise> list(EnterpriseFilter filter, PageQuery page);

    /** The industries (data), in display order. */
    List<Industry> industries();

    /** The departments supervising an industry under the 三管三必须 matrix; empty marks a gap in the matrix. */
    List<Supervisor> supervisorsOf(String industry);
}
