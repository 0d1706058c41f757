package cn.yingji.exchange.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yingji.identity.Jurisdiction;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A warning for two districts, served to one district's client, names only that district's divisions. */
class SnapshotScopeTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void foreignDivisionsOfAMultiDivisionRowAreDropped() {
        JsonNode warning = json.readTree("""
                {"id":"w","level":"ORANGE",
                 "divisionCodes":["340102001000","340103000000"],
                 "divisionPaths":["/340100000000/340102000000/340102001000/","/340100000000/340103000000/"]}""");
        Jurisdiction yaohai = ApiClientPrincipal.jurisdictionOf(List.of("/340100000000/340102000000/"));
        JsonNode served = SnapshotScope.visible(warning, yaohai);
        assertThat(served.toString()).doesNotContain("340103");
        assertThat(served.get("divisionCodes").get(0).asString()).isEqualTo("340102001000");
        assertThat(served.get("level").asString()).isEqualTo("ORANGE");
        // the stored snapshot is not changed, and a city-wide client sees both
        assertThat(warning.toString()).contains("340103000000");
        Jurisdiction city = ApiClientPrincipal.jurisdictionOf(List.of("/340100000000/"));
        assertThat(SnapshotScope.visible(warning, city).get("divisionCodes").size())
                .isEqualTo(2);
    }
}
