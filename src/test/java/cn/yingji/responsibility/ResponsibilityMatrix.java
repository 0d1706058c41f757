package cn.yingji.responsibility;

import cn.yingji.directory.PositionId;
import cn.yingji.support.MatrixContribution;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Foreign duty lists and chief assignments (in 庐阳区) for the jurisdiction matrix. */
@Component
class ResponsibilityMatrix implements MatrixContribution {

    private final ResponsibilityManagement management;
    private final Evaluation evaluation;
    private final ResponsibilityFixtures fixtures;
    private String list;
    private String accountabilityCase;
    private String chief;

    ResponsibilityMatrix(ResponsibilityManagement management, Evaluation evaluation, ResponsibilityFixtures fixtures) {
        this.management = management;
        this.evaluation = evaluation;
        this.fixtures = fixtures;
    }

    @Override
    public Map<String, Supplier<String>> foreignIdentifiers() {
        return Map.of(
                "{id}@duty-lists", this::foreignList,
                "{id}@lists", this::foreignList,
                "{itemId}@items", () -> UUID.randomUUID().toString(),
                "{id}@chiefs", this::foreignChief,
                "{id}@supervision", () -> UUID.randomUUID().toString(),
                "{id}@accountability", this::foreignCase,
                "{id}@cases", this::foreignCase);
    }

    @Override
    public Set<String> platformWidePrefixes() {
        return Set.of("/api/v1/supervision", "/responsibility/supervision");
    }

    private synchronized String foreignList() {
        if (list == null) {
            PositionId p = fixtures.position("庐阳矩阵岗位", "RESP_TEST_HEAD", ResponsibilityFixtures.LUYANG);
            SecurityContextHolder.clearContext();
            list = management
                    .draft(new NewDutyList(
                            DutyList.Kind.DUTY,
                            p.value(),
                            "庐阳矩阵清单",
                            null,
                            List.of(new NewDutyList.NewItem(
                                    DutyList.Principle.OTHER,
                                    "事项",
                                    LocalDate.now().plusDays(10),
                                    false))))
                    .id()
                    .toString();
            management.publish(new DutyListId(UUID.fromString(list)));
        }
        return list;
    }

    private synchronized String foreignCase() {
        if (accountabilityCase == null) {
            SecurityContextHolder.clearContext();
            accountabilityCase = evaluation
                    .open("340103000000", "庐阳矩阵对象", Evaluation.AccountabilityCase.CauseKind.OTHER, null, "矩阵")
                    .id()
                    .toString();
        }
        return accountabilityCase;
    }

    private synchronized String foreignChief() {
        if (chief == null) {
            PositionId p = fixtures.position("庐阳矩阵防汛", "RESP_TEST_FLOOD", ResponsibilityFixtures.LUYANG);
            SecurityContextHolder.clearContext();
            chief = management
                    .assign(ChiefAssignment.Kind.FLOOD_CHIEF, ChiefAssignment.ObjectKind.DIVISION, null, p)
                    .id()
                    .toString();
        }
        return chief;
    }
}
