package cn.yingji.risk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yingji.risk.AssessmentMethod;
import cn.yingji.risk.RiskBand;
import cn.yingji.risk.RiskColour;
import cn.yingji.shared.InvalidInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Validation of a banding before it is stored (the seeded bands themselves are tested in RiskApiTests). */
class RiskScoringTests {

    private static RiskBand band(RiskColour c, String lo, boolean li, String hi, boolean hi2) {
        return new RiskBand(
                AssessmentMethod.LS,
                c,
                "x",
                lo == null ? null : new BigDecimal(lo),
                li,
                hi == null ? null : new BigDecimal(hi),
                hi2);
    }

    private static List<RiskBand> good() {
        return new ArrayList<>(List.of(
                band(RiskColour.BLUE, null, false, "4", false),
                band(RiskColour.YELLOW, "4", true, "10", false),
                band(RiskColour.ORANGE, "10", true, "20", false),
                band(RiskColour.RED, "20", true, null, false)));
    }

    @Test
    void acceptsContiguousBands() {
        assertThat(RiskScoring.validBands(AssessmentMethod.LS, good())).hasSize(4);
    }

    @Test
    void rejectsGapsOverlapsOpenEndsAndMissingColours() {
        List<RiskBand> gap = good();
        gap.set(1, band(RiskColour.YELLOW, "5", true, "10", false));
        assertThatThrownBy(() -> RiskScoring.validBands(AssessmentMethod.LS, gap))
                .isInstanceOf(InvalidInputException.class);
        List<RiskBand> doubleEdge = good();
        doubleEdge.set(0, band(RiskColour.BLUE, null, false, "4", true));
        assertThatThrownBy(() -> RiskScoring.validBands(AssessmentMethod.LS, doubleEdge))
                .isInstanceOf(InvalidInputException.class);
        List<RiskBand> noEdge = good();
        noEdge.set(1, band(RiskColour.YELLOW, "4", false, "10", false));
        assertThatThrownBy(() -> RiskScoring.validBands(AssessmentMethod.LS, noEdge))
                .isInstanceOf(InvalidInputException.class);
        List<RiskBand> noRed = good();
        noRed.set(3, band(RiskColour.ORANGE, "20", true, null, false));
        assertThatThrownBy(() -> RiskScoring.validBands(AssessmentMethod.LS, noRed))
                .isInstanceOf(InvalidInputException.class);
        List<RiskBand> descending = good();
        descending.set(0, band(RiskColour.RED, null, false, "4", false));
        assertThatThrownBy(() -> RiskScoring.validBands(AssessmentMethod.LS, descending))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> RiskScoring.validBands(AssessmentMethod.LS, List.of()))
                .isInstanceOf(InvalidInputException.class);
    }
}
