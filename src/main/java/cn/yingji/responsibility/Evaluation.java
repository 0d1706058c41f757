package cn.yingji.responsibility;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Evaluation and accountability (考核与追责). Districts are scored each year against indicators kept as data:
 * some are computed from the platform's own records (duty-list items done on time, contacts verified), the rest
 * scored by a city reviewer with evidence. Accountability cases record who is held to account for what, linked to
 * the event, overdue item or unverified contact that caused them. Reads are scoped to the caller's jurisdiction.
 */
public interface Evaluation {

    /** The indicators, in order. */
    List<Indicator> indicators();

    /** Districts (county-level divisions) in scope with their weighted score for the year, best first. */
    List<DistrictScore> ranking(int year);

    /**
     * Scores a manual indicator for a district (city-level duty officers, commanders and administrators).
     *
     * @throws cn.yingji.shared.InvalidInputException for a score outside 0–100, no evidence, a computed indicator
     */
    DistrictScore score(int year, String districtCode, String indicator, int score, @Nullable String evidence);

    /** Accountability cases in scope, newest first. */
    List<AccountabilityCase> cases();

    /**
     * Opens a case.
     *
     * @param causeRef the cause's id (an item id for OVERDUE_ITEM, an assignment id for UNVERIFIED_CONTACT, an event
     *     id for INCIDENT); checked to exist, to be inside the case's division and, for items, to be overdue
     */
    AccountabilityCase open(
            @Nullable String divisionCode,
            @Nullable String subject,
            AccountabilityCase.@Nullable CauseKind causeKind,
            @Nullable String causeRef,
            @Nullable String causeText);

    /** Moves a case on (OPEN → INVESTIGATING → DECIDED → CLOSED); a decision text is required to decide. */
    AccountabilityCase advance(UUID id, @Nullable String decision);

    /**
     * An indicator.
     *
     * @param code code
     * @param name name
     * @param weight weight (the weights need not sum to 100; scores are normalised)
     * @param source computed or manual
     */
    record Indicator(String code, String name, int weight, String source) {}

    /**
     * A district's evaluation.
     *
     * @param districtCode code
     * @param districtPath path
     * @param districtName name
     * @param total weighted score 0–100
     * @param parts score per indicator (0–100; null when a manual indicator is not scored yet)
     */
    record DistrictScore(
            String districtCode,
            String districtPath,
            String districtName,
            double total,
            java.util.Map<String, @Nullable Integer> parts) {}

    /**
     * An accountability case.
     *
     * @param id identifier
     * @param divisionPath where
     * @param subject who is held to account (position or unit)
     * @param causeKind what kind of cause
     * @param causeRef the cause's id
     * @param causeText what happened
     * @param state state
     * @param decision decision
     * @param openedBy who opened it
     * @param openedAt when
     */
    record AccountabilityCase(
            UUID id,
            String divisionPath,
            String subject,
            CauseKind causeKind,
            @Nullable String causeRef,
            String causeText,
            String state,
            @Nullable String decision,
            String openedBy,
            Instant openedAt) {

        /** Kinds of causes. */
        public enum CauseKind {
            INCIDENT,
            OVERDUE_ITEM,
            UNVERIFIED_CONTACT,
            OTHER
        }
    }
}
