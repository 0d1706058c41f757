package cn.yingji.grassroots;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Township emergency-capability standardisation (基层应急能力标准化): the checklist kept as data, each township's
 * yearly self-assessment with evidence, the district's review item by item, and scores and rankings that follow
 * the review (a rejected item scores nothing). Reads are scoped to the caller's view jurisdiction.
 */
public interface Standardisation {

    /** The checklist, by category and order. */
    List<Item> items();

    /**
     * The township's assessment for the year, created as an empty draft on first access by the township.
     *
     * @param townshipCode 12-digit code of the township
     * @throws cn.yingji.shared.NotFoundException when the township is unknown or outside the caller's view
     */
    Assessment assessment(String townshipCode, int year);

    /**
     * Records the township's self-score for an item, with evidence (PDF, JPEG or PNG).
     *
     * @throws cn.yingji.shared.InvalidInputException for a score above the item's maximum or below 0, missing or
     *     wrong-type evidence where required
     * @throws cn.yingji.shared.ConflictException when the assessment is no longer a draft
     */
    Assessment answer(
            String townshipCode,
            int year,
            String itemCode,
            int selfScore,
            @Nullable String note,
            @Nullable String evidenceName,
            byte @Nullable [] evidence);

    /** Submits the self-assessment for review (every item answered). */
    Assessment submit(String townshipCode, int year);

    /**
     * The district accepts or rejects an item's evidence; the score follows at once.
     *
     * @throws cn.yingji.shared.ForbiddenException when the reviewer is the township itself
     */
    Assessment review(String townshipCode, int year, String itemCode, boolean accept, @Nullable String note);

    /** Closes the review; the score is final. */
    Assessment finish(String townshipCode, int year);

    /** Scores of the townships under a division (default: the caller's scope) for the year, best first. */
    List<Ranking> ranking(@Nullable String divisionCode, int year);

    /**
     * The evidence of an answer.
     *
     * @param name file name
     * @param contentType type
     * @param bytes content
     */
    record Evidence(String name, String contentType, byte[] bytes) {}

    /** The evidence file of an item. */
    Evidence evidence(String townshipCode, int year, String itemCode);

    /**
     * A checklist item.
     *
     * @param code code
     * @param category category (LEADERSHIP, MECHANISM, PLANS, TEAMS, SUPPLIES, TRAINING, FLOOD …)
     * @param text requirement
     * @param maxScore most points
     * @param evidenceRequired evidence needed
     */
    record Item(String code, String category, String text, int maxScore, boolean evidenceRequired) {}

    /**
     * A township's assessment.
     *
     * @param id identifier
     * @param townshipPath the township
     * @param townshipName its name
     * @param year year
     * @param state draft, submitted or reviewed
     * @param answers answers by item
     * @param score points counted (self-scores of items not rejected)
     * @param maxScore points possible
     * @param submittedBy who submitted
     * @param submittedAt when
     * @param reviewedBy who finished the review
     * @param reviewedAt when
     */
    record Assessment(
            UUID id,
            String townshipPath,
            String townshipName,
            int year,
            String state,
            List<Answer> answers,
            int score,
            int maxScore,
            @Nullable String submittedBy,
            @Nullable Instant submittedAt,
            @Nullable String reviewedBy,
            @Nullable Instant reviewedAt) {

        public Assessment {
            answers = List.copyOf(answers);
        }
    }

    /**
     * An answer to one item.
     *
     * @param itemCode item
     * @param selfScore the township's score
     * @param note remark
     * @param evidenceName evidence file name
     * @param review PENDING, ACCEPTED or REJECTED
     * @param reviewNote reviewer's remark
     * @param reviewedBy reviewer
     */
    record Answer(
            String itemCode,
            int selfScore,
            @Nullable String note,
            @Nullable String evidenceName,
            String review,
            @Nullable String reviewNote,
            @Nullable String reviewedBy) {}

    /**
     * A township's place.
     *
     * @param townshipCode code
     * @param townshipPath path
     * @param townshipName name
     * @param score score counted
     * @param state assessment state, or NONE
     */
    record Ranking(String townshipCode, String townshipPath, String townshipName, int score, String state) {}
}
