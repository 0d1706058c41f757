package cn.yingji.directory;

/**
 * Command to write a handover note (交接班记录) on a shift: what the next shift must know.
 *
 * @param shift the shift the note belongs to; must be capturable by the caller
 * @param text the note, 1–4000 characters
 */
public record NewHandoverNote(ShiftId shift, String text) {}
