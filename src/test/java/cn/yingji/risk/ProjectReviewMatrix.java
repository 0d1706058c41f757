package cn.yingji.risk;

import cn.yingji.support.MatrixContribution;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** A project in 庐阳区 for the jurisdiction matrix. */
@Component
class ProjectReviewMatrix implements MatrixContribution {

    private final ProjectReviews reviews;
    private String project;

    ProjectReviewMatrix(ProjectReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public Map<String, Supplier<String>> foreignIdentifiers() {
        return Map.of(
                "{id}@projects",
                this::foreignProject,
                "{conditionId}@conditions",
                () -> UUID.randomUUID().toString());
    }

    private synchronized String foreignProject() {
        if (project == null) {
            SecurityContextHolder.clearContext();
            // a point of 庐阳区 (its government seat area)
            project = reviews.submit("庐阳矩阵项目", "某建设单位", "房建", 117.265, 31.88, "一般风险")
                    .id()
                    .toString();
        }
        return project;
    }
}
