package cn.yingji.responsibility;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A list to draft (API input).
 *
 * @param kind duty or work list
 * @param positionId the position to bind — a position, never a person
 * @param title title
 * @param basis basis
 * @param items items in order
 */
public record NewDutyList(
        DutyList.@Nullable Kind kind,
        @Nullable UUID positionId,
        @Nullable String title,
        @Nullable String basis,
        @Nullable List<NewItem> items) {

    /**
     * An item to draft.
     *
     * @param principle principle
     * @param content content
     * @param dueOn deadline
     * @param evidenceRequired evidence needed (absent: no)
     */
    public record NewItem(
            DutyList.@Nullable Principle principle,
            @Nullable String content,
            @Nullable LocalDate dueOn,
            @Nullable Boolean evidenceRequired) {}
}
