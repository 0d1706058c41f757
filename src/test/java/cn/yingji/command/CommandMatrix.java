package cn.yingji.command;

import cn.yingji.incident.IncidentId;
import cn.yingji.support.MatrixContribution;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Foreign plans and tasks (in 庐阳区) for the jurisdiction matrix. */
@Component
class CommandMatrix implements MatrixContribution {

    private final PlanManagement plans;
    private final CommandManagement command;
    private final CommandFixtures fixtures;
    private String plan;
    private String task;

    CommandMatrix(PlanManagement plans, CommandManagement command, CommandFixtures fixtures) {
        this.plans = plans;
        this.command = command;
        this.fixtures = fixtures;
    }

    @Override
    public Map<String, Supplier<String>> foreignIdentifiers() {
        return Map.of(
                "{id}@plans",
                this::foreignPlan,
                "{taskId}@tasks",
                this::foreignTask,
                "{memberId}@members",
                () -> UUID.randomUUID().toString(),
                "{updateId}@updates",
                () -> UUID.randomUUID().toString());
    }

    private synchronized String foreignPlan() {
        if (plan == null) {
            SecurityContextHolder.clearContext();
            plan = plans.create(new NewPlan(
                            "MATRIX-LY-" + UUID.randomUUID().toString().substring(0, 6),
                            "庐阳区矩阵测试预案",
                            PlanKind.SPECIAL,
                            List.of("HAZARDOUS_CHEMICALS"),
                            CommandFixtures.LUYANG,
                            "庐阳区人民政府",
                            "1",
                            null,
                            PlanStatus.ACTIVE,
                            null,
                            List.of(new PlanLevel(ResponseLevel.IV, null, "测试")),
                            List.of()))
                    .id()
                    .toString();
        }
        return plan;
    }

    private synchronized String foreignTask() {
        if (task == null) {
            IncidentId incident =
                    fixtures.hazchem(CommandFixtures.LUYANG, "矩阵测试任务事件", 0).id();
            SecurityContextHolder.clearContext();
            task = command.assign(
                            incident,
                            new NewTask(
                                    "矩阵测试任务",
                                    null,
                                    ResponsibleKind.DEPARTMENT,
                                    "庐阳区消防救援大队",
                                    null,
                                    Instant.now().plusSeconds(3600)),
                            null)
                    .id()
                    .toString();
        }
        return task;
    }
}
