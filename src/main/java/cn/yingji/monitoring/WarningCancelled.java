package cn.yingji.monitoring;

import java.time.Instant;

/**
 * A warning was cancelled (CAP msgType {@code Cancel}) or lifted.
 *
 * @param id the warning
 * @param drill true for a drill
 * @param at when
 */
public record WarningCancelled(WarningId id, boolean drill, Instant at) {}
