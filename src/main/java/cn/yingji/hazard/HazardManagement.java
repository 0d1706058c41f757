package cn.yingji.hazard;

import org.jspecify.annotations.Nullable;

/**
 * Writes on hidden hazards. Each call is one transaction, audited, checked against the caller's role and capture
 * jurisdiction; a step not allowed from the current state answers {@link cn.yingji.shared.ConflictException} (409)
 * and bad input {@link cn.yingji.shared.InvalidInputException} (400), with nothing written.
 */
public interface HazardManagement {

    /**
     * A signed-in reporter (grid worker, enterprise user, inspector) reports a hazard with a photo. A retry with the
     * same idempotency key answers the first hazard and writes nothing.
     */
    ReportReceipt report(NewHazard hazard, @Nullable Photo photo, @Nullable String idempotencyKey);

    /**
     * An anonymous resident reports (随手拍): a photo and a location are required, reports per client are rate
     * limited, and the receipt carries the follow-up code.
     *
     * @param client an opaque client identifier (e.g. the remote address) for the rate limit; only its hash is kept
     * @throws RateLimitedException when the client sent too many reports recently
     */
    ReportReceipt reportAnonymously(NewHazard hazard, @Nullable Photo photo, String client, @Nullable String key);

    /** REPORTED → VERIFIED, optionally regrading; a major hazard is listed for supervision by the level above. */
    Hazard verify(HazardId id, @Nullable HazardGrade grade, StepInput input);

    /** REPORTED or VERIFIED → REJECTED; a note (reason) is required. */
    Hazard reject(HazardId id, StepInput input);

    /** REPORTED or VERIFIED → MERGED into another visible, open hazard. */
    Hazard merge(HazardId id, HazardId into, StepInput input);

    /** VERIFIED → ASSIGNED with the five implementations. */
    Hazard assign(HazardId id, Assignment assignment, StepInput input);

    /** ASSIGNED → RECTIFYING. */
    Hazard start(HazardId id, StepInput input);

    /** RECTIFYING → RECTIFIED; an evidence photo is required. */
    Hazard rectify(HazardId id, StepInput input);

    /**
     * RECTIFIED → ACCEPTED ({@code passed}) or back to RECTIFYING (with a note). The rectifier may not accept their
     * own work.
     */
    Hazard accept(HazardId id, boolean passed, StepInput input);

    /** ACCEPTED → CLOSED (销号). */
    Hazard close(HazardId id, StepInput input);

    /** Too many anonymous reports from one client within the configured window (HTTP 429). */
    final class RateLimitedException extends cn.yingji.shared.DomainException {
        public RateLimitedException(int max) {
            super("hazard.error.rateLimited", new Object[] {max}, java.util.List.of());
        }
    }
}
