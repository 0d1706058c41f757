package cn.yingji.responsibility;

import java.time.LocalDate;

/**
 * A district still has chiefs or 包保 persons whose contact is not verified this year, and the check's deadline is
 * near (or past). Published at most once a day per district, for the notification channels and the district's board.
 *
 * @param districtPath the district
 * @param missing contacts not current and verified
 * @param deadline this year's deadline
 * @param overdue true after the deadline
 */
public record ContactCheckReminder(String districtPath, long missing, LocalDate deadline, boolean overdue) {}
