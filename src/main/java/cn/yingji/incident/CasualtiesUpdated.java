package cn.yingji.incident;

/**
 * Published after every casualty or loss update, whether or not it re-graded the event.
 *
 * @param id the event
 * @param casualties the new figures
 * @param insideWindow true when inside the re-grading window
 * @param divisionPath where the event is
 * @param drill true for a drill
 */
public record CasualtiesUpdated(
        IncidentId id, Casualties casualties, boolean insideWindow, String divisionPath, boolean drill) {}
