package cn.yingji.hazard;

import cn.yingji.shared.PageQuery;
import cn.yingji.shared.PageResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads on hidden hazards, scoped to the caller's view jurisdiction (enterprise users also see the hazards assigned
 * to their own enterprise). A foreign hazard is absent.
 */
public interface Hazards {

    /** The hazard, if visible. */
    Optional<Hazard> find(HazardId id);

    /** One page of the ledger (台账), newest first. */
    PageResult<Hazard> list(HazardFilter filter, PageQuery page);

    /** The steps of a visible hazard, the report first; empty when not visible. */
    List<HazardStep> steps(HazardId id);

    /** Counts by state of the visible hazards matching the filter. */
    Map<HazardState, Long> counts(HazardFilter filter);

    /**
     * A photo of a visible hazard.
     *
     * @throws cn.yingji.shared.NotFoundException when the hazard or the photo is not visible
     */
    PhotoContent photo(HazardId id, UUID photoId);

    /**
     * The public follow-up view of the hazard reported with this code.
     *
     * @throws cn.yingji.shared.NotFoundException for an unknown (e.g. forged) code
     */
    FollowUp followUp(String code);

    /**
     * A stored photo.
     *
     * @param contentType MIME type decided from the bytes
     * @param content the bytes
     */
    record PhotoContent(String contentType, byte[] content) {}
}
