package cn.yingji.command;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A plan to register or the new content of one (API input; validated by {@link PlanManagement}).
 *
 * @param code unique code
 * @param name title
 * @param kind kind
 * @param eventTypes covered event type codes (empty for a general plan)
 * @param divisionCode 12-digit code of the issuing government's division
 * @param issuer issuing body
 * @param versionLabel version
 * @param effectiveOn date in force
 * @param status status
 * @param summary scope and purpose
 * @param levels levels with triggers
 * @param actions checklist lines (their ids are ignored)
 */
public record NewPlan(
        @Nullable String code,
        @Nullable String name,
        @Nullable PlanKind kind,
        @Nullable List<String> eventTypes,
        @Nullable String divisionCode,
        @Nullable String issuer,
        @Nullable String versionLabel,
        @Nullable LocalDate effectiveOn,
        @Nullable PlanStatus status,
        @Nullable String summary,
        @Nullable List<PlanLevel> levels,
        @Nullable List<PlanAction> actions) {}
