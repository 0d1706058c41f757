package cn.yingji.resource;

import java.util.List;

/**
 * One ranked team of a dispatch recommendation.
 *
 * @param rank 1 for the best
 * @param team the team
 * @param score overall score in [0, 1]
 * @param covered needed capability codes the team covers
 * @param missing needed capability codes it lacks
 * @param distanceKm great-circle distance from the team's base to the event
 * @param recentDispatches dispatches of the team in the last 30 days (its load)
 * @param equipment quantity of serviceable equipment supporting the needed capabilities
 * @param explanation why the team ranks where it does, in the caller's language
 */
public record Recommendation(
        int rank,
        Team team,
        double score,
        List<String> covered,
        List<String> missing,
        double distanceKm,
        int recentDispatches,
        int equipment,
        String explanation) {

    public Recommendation {
        covered = List.copyOf(covered);
        missing = List.copyOf(missing);
    }
}
