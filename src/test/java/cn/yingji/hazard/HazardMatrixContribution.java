package cn.yingji.hazard;

import cn.yingji.support.MatrixContribution;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The hazard module's part of the jurisdiction matrix: a hazard reported in 庐阳区. */
@Component
class HazardMatrixContribution implements MatrixContribution {

    private final HazardManagement management;
    private final HazardFixtures fixtures;
    private UUID foreign;

    HazardMatrixContribution(HazardManagement management, HazardFixtures fixtures) {
        this.management = management;
        this.fixtures = fixtures;
    }

    private synchronized String foreignHazard() {
        if (foreign == null) {
            SecurityContextHolder.clearContext();
            double[] p = fixtures.inForeignDistrict();
            foreign = management
                    .reportAnonymously(
                            new NewHazard("矩阵测试隐患", "庐阳区某处消防通道堵塞", null, "FIRE", p[0], p[1], "庐阳区某路", null, null, null),
                            new Photo("p.png", HazardFixtures.PNG),
                            "matrix-" + UUID.randomUUID(),
                            null)
                    .hazard()
                    .id()
                    .value();
        }
        return foreign.toString();
    }

    @Override
    public Map<String, Supplier<String>> foreignIdentifiers() {
        return Map.of(
                "{id}@hazards",
                this::foreignHazard,
                "{photoId}@photos",
                () -> UUID.randomUUID().toString());
    }
}
