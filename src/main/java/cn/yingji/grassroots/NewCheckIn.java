package cn.yingji.grassroots;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A check-in as a device sends it.
 *
 * @param gridCode the grid (default: the worker's own grid)
 * @param at when (default: now; never in the future)
 * @param lon longitude (required)
 * @param lat latitude (required)
 * @param duty duty served (default SAFETY)
 * @param note remarks
 * @param finding a problem found; it becomes a hidden-hazard report and needs a photo
 * @param photo photo of the finding (base64 in JSON)
 * @param photoName its file name
 */
public record NewCheckIn(
        @Nullable String gridCode,
        @Nullable Instant at,
        @Nullable Double lon,
        @Nullable Double lat,
        CheckIn.@Nullable Duty duty,
        @Nullable String note,
        @Nullable String finding,
        byte @Nullable [] photo,
        @Nullable String photoName) {

    /** A check-in without a finding photo. */
    public NewCheckIn(
            @Nullable String gridCode,
            @Nullable Instant at,
            @Nullable Double lon,
            @Nullable Double lat,
            CheckIn.@Nullable Duty duty,
            @Nullable String note,
            @Nullable String finding) {
        this(gridCode, at, lon, lat, duty, note, finding, null, null);
    }
}
