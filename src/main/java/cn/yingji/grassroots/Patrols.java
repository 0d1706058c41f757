package cn.yingji.grassroots;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Grid patrols. Reads are scoped to the caller's view jurisdiction; check-ins need the grid in the caller's capture
 * scope.
 */
public interface Patrols {

    /**
     * Records a check-in. A repeat with the same idempotency key by the same worker returns the first check-in.
     *
     * @throws cn.yingji.shared.InvalidInputException for no position, a time in the future, an unknown grid or duty
     */
    CheckInResult checkIn(NewCheckIn checkIn, @Nullable String idempotencyKey);

    /**
     * Result of a check-in.
     *
     * @param checkIn the check-in
     * @param replayed true when an earlier call with the same key recorded it
     */
    record CheckInResult(CheckIn checkIn, boolean replayed) {}

    /** Check-ins in scope between {@code from} and {@code to}, newest first, at most {@code limit}. */
    List<CheckIn> checkIns(@Nullable String gridCode, Instant from, Instant to, int limit);

    /**
     * Patrol coverage of the grids under a division in the week containing {@code at} (Monday to Sunday,
     * Asia/Shanghai).
     *
     * @param divisionCode the division (null: the caller's first view root)
     */
    Coverage coverage(@Nullable String divisionCode, Instant at);

    /**
     * Sets the weekly patrol plan of a grid (township officers over the grid).
     *
     * @throws cn.yingji.shared.InvalidInputException for an unknown grid, times outside 1–21, no duty
     */
    PatrolPlan plan(String gridCode, int timesPerWeek, List<CheckIn.Duty> duties);

    /**
     * A grid's patrol plan.
     *
     * @param gridCode grid
     * @param timesPerWeek patrols required each week
     * @param duties duties the patrols serve
     */
    record PatrolPlan(String gridCode, int timesPerWeek, List<CheckIn.Duty> duties) {

        public PatrolPlan {
            duties = List.copyOf(duties);
        }
    }

    /**
     * Weekly coverage.
     *
     * @param divisionPath the division
     * @param weekStart Monday 00:00 of the week
     * @param grids grids under the division
     * @param patrolled grids patrolled at least as often as their plan requires (once without a plan) this week
     * @param unpatrolled the others, by code, with how many patrols they had and need
     * @param outside check-ins flagged outside their grid this week
     */
    record Coverage(
            String divisionPath, Instant weekStart, int grids, int patrolled, List<GridRef> unpatrolled, long outside) {

        public Coverage {
            unpatrolled = List.copyOf(unpatrolled);
        }
    }

    /**
     * A grid.
     *
     * @param code code
     * @param name name
     * @param done patrols inside the grid this week
     * @param required patrols its plan requires
     */
    record GridRef(String code, String name, int done, int required) {}
}
