package cn.yingji.incident;

import org.jspecify.annotations.Nullable;

/**
 * What a casualty update did.
 *
 * @param incident the event after the update
 * @param insideWindow true when the update fell inside the re-grading window of Decree 493 Art. 13
 * @param regraded true when the grade changed
 * @param oldGrade the grade before
 * @param investigatorChanged true when the investigating government level changed (Art. 19/20)
 */
public record CasualtyUpdateResult(
        Incident incident,
        boolean insideWindow,
        boolean regraded,
        @Nullable Grade oldGrade,
        boolean investigatorChanged) {}
