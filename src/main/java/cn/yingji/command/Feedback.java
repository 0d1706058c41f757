package cn.yingji.command;

import org.jspecify.annotations.Nullable;

/**
 * Progress feedback or a completion report on a task.
 *
 * @param text what was done (required)
 * @param lon where, longitude (optional; with lat)
 * @param lat where, latitude
 * @param photoName photo file name (optional)
 * @param photoType its content type
 * @param photo its bytes
 */
public record Feedback(
        @Nullable String text,
        @Nullable Double lon,
        @Nullable Double lat,
        @Nullable String photoName,
        @Nullable String photoType,
        byte @Nullable [] photo) {

    /** Text-only feedback. */
    public static Feedback text(@Nullable String text) {
        return new Feedback(text, null, null, null, null, null);
    }
}
