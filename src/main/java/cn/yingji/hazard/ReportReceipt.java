package cn.yingji.hazard;

import org.jspecify.annotations.Nullable;

/**
 * The answer to a report.
 *
 * @param hazard the hazard (the first one on an idempotent replay)
 * @param followUpCode the code an anonymous reporter checks progress with (shown once; null on replays and for
 *     signed-in reporters)
 * @param replayed true when the idempotency key had been used and nothing new was written
 */
public record ReportReceipt(Hazard hazard, @Nullable String followUpCode, boolean replayed) {}
