package cn.yingji.responsibility;

import cn.yingji.directory.PositionId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A chief (行政首长负责制) or 包保 person, bound to a position.
 *
 * @param id identifier
 * @param kind flood, drought or forest-fire chief, or 包保
 * @param objectKind what is covered (the division itself, a reservoir, a geological hazard point …)
 * @param objectName its name
 * @param divisionPath the position's division path
 * @param positionId the position
 * @param positionName its name
 * @param holderName the current primary holder, if any
 * @param holderPhone their first phone channel, if any
 * @param verifiedAt when the contact was last confirmed
 * @param verifiedBy by whom
 * @param verifiedPhone the number confirmed
 */
public record ChiefAssignment(
        UUID id,
        Kind kind,
        ObjectKind objectKind,
        String objectName,
        String divisionPath,
        PositionId positionId,
        String positionName,
        @Nullable String holderName,
        @Nullable String holderPhone,
        @Nullable Instant verifiedAt,
        @Nullable String verifiedBy,
        @Nullable String verifiedPhone) {

    /** Kinds of responsibility. */
    public enum Kind {
        FLOOD_CHIEF,
        DROUGHT_CHIEF,
        FOREST_FIRE_CHIEF,
        BAOBAO
    }

    /** What a chief or 包保 person answers for. */
    public enum ObjectKind {
        DIVISION,
        RESERVOIR,
        GEO_HAZARD_POINT,
        DANGEROUS_SLOPE,
        LOW_LYING_AREA,
        DIKE,
        OTHER
    }
}
