package cn.yingji.command;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One step in a task's history: receipt, progress feedback with text, photo and location, report of completion,
 * confirmation, return, escalation or cancellation.
 *
 * @param id identifier
 * @param taskId the task
 * @param at when
 * @param actor who ({@code system} for escalation)
 * @param kind what
 * @param text feedback text
 * @param lon where (longitude), if reported
 * @param lat where (latitude), if reported
 * @param photoName file name of the photo, if any
 */
public record TaskUpdate(
        UUID id,
        TaskId taskId,
        Instant at,
        String actor,
        Kind kind,
        @Nullable String text,
        @Nullable Double lon,
        @Nullable Double lat,
        @Nullable String photoName) {

    /** Kinds of steps. */
    public enum Kind {
        ISSUED,
        RECEIVED,
        PROGRESS,
        DONE,
        CONFIRMED,
        RETURNED,
        ESCALATED,
        CANCELLED
    }
}
