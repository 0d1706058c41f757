package cn.yingji.responsibility;

import cn.yingji.directory.PositionId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One version of a duty list (职责清单) or work list (工作清单), bound to a position.
 *
 * @param id identifier of this version
 * @param lineageId shared by every version of the list
 * @param versionNo 1, 2, …
 * @param kind duty list or work list
 * @param positionId the position it binds (whoever holds it answers for it)
 * @param positionName the position's name when the version was written
 * @param divisionPath the position's division path
 * @param title title
 * @param basis legal or policy basis
 * @param state draft, published or superseded
 * @param createdBy author
 * @param createdAt when
 * @param approvedBy who approved and published it
 * @param publishedAt when
 * @param items the items, in order
 * @param version optimistic-lock version
 */
public record DutyList(
        DutyListId id,
        UUID lineageId,
        int versionNo,
        Kind kind,
        PositionId positionId,
        String positionName,
        String divisionPath,
        String title,
        @Nullable String basis,
        State state,
        String createdBy,
        Instant createdAt,
        @Nullable String approvedBy,
        @Nullable Instant publishedAt,
        List<Item> items,
        int version) {

    public DutyList {
        items = List.copyOf(items);
    }

    /** Duty list or work list. */
    public enum Kind {
        DUTY,
        WORK
    }

    /** Lifecycle of a version. */
    public enum State {
        DRAFT,
        PUBLISHED,
        SUPERSEDED
    }

    /** The principle an item implements. */
    public enum Principle {
        /** 党政同责. */
        PARTY_GOV_SAME,
        /** 一岗双责. */
        ONE_POST_TWO_DUTIES,
        /** 齐抓共管. */
        JOINT_MANAGEMENT,
        /** 失职追责. */
        ACCOUNTABILITY,
        /** 三管三必须. */
        THREE_MUSTS,
        OTHER
    }

    /**
     * One item.
     *
     * @param id identifier
     * @param seq order
     * @param principle principle it implements
     * @param content what the holder must do
     * @param dueOn deadline (work items)
     * @param evidenceRequired completion needs an evidence file
     * @param done true when completed
     * @param doneBy who completed it
     * @param doneAt when
     * @param doneNote what was done
     * @param evidenceName evidence file name
     */
    public record Item(
            UUID id,
            int seq,
            Principle principle,
            String content,
            @Nullable LocalDate dueOn,
            boolean evidenceRequired,
            boolean done,
            @Nullable String doneBy,
            @Nullable Instant doneAt,
            @Nullable String doneNote,
            @Nullable String evidenceName) {}
}
