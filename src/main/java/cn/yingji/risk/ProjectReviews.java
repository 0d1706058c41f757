package cn.yingji.risk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Joint safety review of major projects (部门联审联查). Reads are scoped to the caller's view jurisdiction; a foreign
 * project answers 404. Every write is audited.
 */
public interface ProjectReviews {

    /** Projects in scope, newest first. */
    List<Project> list();

    /** A project with its reviews and conditions. */
    Project require(UUID id);

    /**
     * Submits a project with its risk assessment (operators with capture over its location).
     *
     * @throws cn.yingji.shared.InvalidInputException for a missing field or a location outside the city
     */
    Project submit(
            @Nullable String name,
            @Nullable String builder,
            @Nullable String category,
            @Nullable Double lon,
            @Nullable Double lat,
            @Nullable String riskSummary);

    /**
     * Routes a submitted project to reviewing departments, each with a deadline (not in the past).
     *
     * @throws cn.yingji.shared.ConflictException when the project is no longer just submitted
     */
    Project route(UUID id, List<Route> routes);

    /**
     * A department to review.
     *
     * @param department department
     * @param reviewer account that must give the opinion, if any
     * @param dueOn deadline
     */
    record Route(
            @Nullable String department,
            @Nullable String reviewer,
            @Nullable LocalDate dueOn) {}

    /**
     * One department's opinion; once all are in, the decision follows (any REJECT rejects, any CONDITIONS passes
     * with conditions, else pass).
     *
     * @throws cn.yingji.shared.InvalidInputException for conditions or a rejection without text
     * @throws cn.yingji.shared.ConflictException when the department already gave its opinion
     */
    Project opinion(UUID id, @Nullable String department, @Nullable Opinion opinion, @Nullable String text);

    /** Closes a condition with a note; when the last one closes, the project is closed. */
    Project closeCondition(UUID id, UUID condition, @Nullable String note);

    /** An opinion. */
    enum Opinion {
        PASS,
        CONDITIONS,
        REJECT
    }

    /**
     * A project.
     *
     * @param id identifier
     * @param name name
     * @param builder 建设单位
     * @param category kind of project
     * @param lon longitude
     * @param lat latitude
     * @param divisionPath where
     * @param riskSummary the risk assessment's conclusions
     * @param state SUBMITTED, IN_REVIEW, DECIDED or CLOSED
     * @param decision PASS, PASS_WITH_CONDITIONS or REJECT once decided
     * @param submittedBy who
     * @param submittedAt when
     * @param reviews the departments' reviews
     * @param conditions conditions to close
     */
    record Project(
            UUID id,
            String name,
            String builder,
            String category,
            double lon,
            double lat,
            String divisionPath,
            String riskSummary,
            String state,
            @Nullable String decision,
            String submittedBy,
            Instant submittedAt,
            List<Review> reviews,
            List<Condition> conditions) {

        public Project {
            reviews = List.copyOf(reviews);
            conditions = List.copyOf(conditions);
        }
    }

    /**
     * A department's review.
     *
     * @param department department
     * @param reviewer required account, if any
     * @param dueOn deadline
     * @param opinion opinion once given
     * @param text its text
     * @param by who gave it
     */
    record Review(
            String department,
            @Nullable String reviewer,
            LocalDate dueOn,
            @Nullable Opinion opinion,
            @Nullable String text,
            @Nullable String by) {}

    /**
     * A condition.
     *
     * @param id identifier
     * @param department department that set it
     * @param text the condition
     * @param closedBy who closed it
     * @param closedAt when
     * @param closeNote how it was met
     */
    record Condition(
            UUID id,
            String department,
            String text,
            @Nullable String closedBy,
            @Nullable Instant closedAt,
            @Nullable String closeNote) {}
}
