package cn.yingji.responsibility;

import cn.yingji.directory.PositionId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Writes of the responsibility system; each in one transaction with its audit entry. Drafting needs an operational
 * role with capture scope over the position; publishing needs a district-level or higher role (district officer,
 * duty officer, commander, administrator); completing an item needs to hold the position now.
 */
public interface ResponsibilityManagement {

    /**
     * Drafts version 1 of a new list.
     *
     * @throws cn.yingji.shared.InvalidInputException when the id is not a position (a person's id is named as
     *     such), no items, an item without content, a deadline in the past …
     */
    DutyList draft(NewDutyList list);

    /** Replaces the content of a draft. */
    DutyList updateDraft(DutyListId id, NewDutyList list, int expectedVersion);

    /** Approves and publishes a draft; the previously published version of the list is superseded. */
    DutyList publish(DutyListId id);

    /** Starts the next version as a draft copied from this one. */
    DutyList revise(DutyListId id);

    /**
     * Completes an item of a published list, as a current holder of its position.
     *
     * @param evidenceName file name (required when the item requires evidence)
     * @param evidenceType content type as declared by the client (checked against the bytes)
     * @param evidence PDF, JPEG or PNG, at most the configured size
     */
    DutyList complete(
            DutyListId id,
            UUID item,
            @Nullable String note,
            @Nullable String evidenceName,
            @Nullable String evidenceType,
            byte @Nullable [] evidence);

    /** Adds or changes a line of the 三管三必须 matrix (administrators). */
    SupervisionRule saveSupervision(
            @Nullable UUID id,
            @Nullable String industry,
            @Nullable String department,
            SupervisionRule.@Nullable Ground ground,
            @Nullable String note);

    /** Removes a line of the matrix (administrators). */
    void deleteSupervision(UUID id);

    /** Binds a chief or 包保 responsibility to a position. */
    ChiefAssignment assign(
            ChiefAssignment.@Nullable Kind kind,
            ChiefAssignment.@Nullable ObjectKind objectKind,
            @Nullable String objectName,
            @Nullable PositionId position);

    /**
     * Records this year's contact check: the current holder of the position was reached on their phone.
     *
     * @throws cn.yingji.shared.ConflictException when the position is vacant or its holder has no phone
     */
    ChiefAssignment verifyContact(UUID assignment);
}
