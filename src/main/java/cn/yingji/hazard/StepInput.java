package cn.yingji.hazard;

import org.jspecify.annotations.Nullable;

/**
 * What accompanies a lifecycle step.
 *
 * @param note free text (required for rejections and failed acceptance)
 * @param lon where the actor was (WGS-84)
 * @param lat where the actor was
 * @param photo a photo (required as evidence when rectified)
 */
public record StepInput(
        @Nullable String note,
        @Nullable Double lon,
        @Nullable Double lat,
        @Nullable Photo photo) {}
