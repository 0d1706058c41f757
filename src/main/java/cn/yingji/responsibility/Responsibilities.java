package cn.yingji.responsibility;

import cn.yingji.directory.PositionId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Reads of the responsibility system, scoped to the caller's view jurisdiction (foreign rows answer 404 and are
 * never listed or counted).
 */
public interface Responsibilities {

    /** Latest version of every list in scope, optionally of one position or state, by division and title. */
    List<DutyList> lists(@Nullable PositionId position, DutyList.@Nullable State state);

    /**
     * One version.
     *
     * @throws cn.yingji.shared.NotFoundException when missing or foreign
     */
    DutyList list(DutyListId id);

    /** Every version of the list's lineage, newest first. */
    List<DutyList> versions(DutyListId id);

    /** Published lists of the positions the caller holds now (through their directory person). */
    List<DutyList> mine();

    /** The evidence file of an item. */
    Evidence evidence(DutyListId list, UUID item);

    /**
     * An evidence file.
     *
     * @param name file name
     * @param contentType type
     * @param bytes content
     */
    record Evidence(String name, String contentType, byte[] bytes) {}

    /** The 三管三必须 matrix, by industry. */
    List<SupervisionRule> supervision();

    /** Departments supervising an industry (for the enterprise and hazard modules). */
    List<SupervisionRule> supervisorsOf(String industry);

    /** Chiefs and 包保 persons in scope. */
    List<ChiefAssignment> assignments(ChiefAssignment.@Nullable Kind kind);

    /**
     * The yearly contact check per district (county-level division) in scope: how many assignments, how many are
     * current (the position has a holder now and the contact was confirmed in this year's check) and which are not.
     */
    List<ContactBoardRow> contactBoard(Instant now);

    /**
     * One district on the contact-check board.
     *
     * @param divisionPath the district's path
     * @param divisionName its name
     * @param total assignments
     * @param current current and verified
     * @param missing the others
     */
    record ContactBoardRow(
            String divisionPath, String divisionName, long total, long current, List<ChiefAssignment> missing) {

        public ContactBoardRow {
            missing = List.copyOf(missing);
        }
    }

    /** Counts of published lists' items in scope: {@code OPEN}, {@code DONE}, {@code OVERDUE}. */
    Map<String, Long> itemCounts(java.time.LocalDate today);
}
