package cn.yingji.directory;

import java.time.Instant;

/**
 * A handover note written on a shift.
 *
 * @param id identifier
 * @param shift the shift it belongs to
 * @param text the note
 * @param author display name of the user who wrote it ({@code system} for loaders)
 * @param at when it was written
 */
public record HandoverNote(HandoverNoteId id, ShiftId shift, String text, String author, Instant at) {}
