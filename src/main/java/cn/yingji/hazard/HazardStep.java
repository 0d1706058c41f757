package cn.yingji.hazard;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One audited step of a hazard's life (the report itself is the first).
 *
 * @param at when
 * @param action what was done ({@code REPORT}, {@code VERIFY}, {@code ASSIGN}, {@code CARD_RED} …)
 * @param fromState state before
 * @param toState state after
 * @param actor who (display name; {@code system} for the sweep)
 * @param note free text
 * @param lon where the actor was (WGS-84), if given
 * @param lat where the actor was, if given
 * @param photoId a photo taken at this step, if any
 */
public record HazardStep(
        Instant at,
        String action,
        HazardState fromState,
        HazardState toState,
        String actor,
        @Nullable String note,
        @Nullable Double lon,
        @Nullable Double lat,
        @Nullable UUID photoId) {}
