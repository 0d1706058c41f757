package cn.yingji.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JurisdictionTests {

    static final String CITY = "/990100000000/";
    static final String DISTRICT_A = "/990100000000/990102000000/";
    static final String DISTRICT_B = "/990100000000/990103000000/";
    static final String TOWNSHIP_A = "/990100000000/990102000000/990102001000/";

    @Test
    void aScopeCoversItsWholeSubtreeAndNothingBeside() {
        Jurisdiction j = new Jurisdiction(List.of(DISTRICT_A), List.of());
        assertThat(j.canView(DISTRICT_A)).isTrue();
        assertThat(j.canView(TOWNSHIP_A)).isTrue();
        assertThat(j.canView(TOWNSHIP_A + "990102001001/G01/")).isTrue();
        assertThat(j.canView(DISTRICT_B)).isFalse();
        assertThat(j.canView(CITY)).as("the parent is not inside the subtree").isFalse();
        assertThat(j.canView("/990100000000/9901020000001/"))
                .as("a sibling sharing a prefix")
                .isFalse();
        assertThat(j.canView("")).isFalse();
        assertThat(j.canView(null)).isFalse();
    }

    @Test
    void captureImpliesViewButNotTheOtherWayRound() {
        Jurisdiction j = new Jurisdiction(List.of(DISTRICT_A), List.of(CITY));
        assertThat(j.canCapture(TOWNSHIP_A)).isTrue();
        assertThat(j.canView(TOWNSHIP_A)).isTrue();
        assertThat(j.canView(DISTRICT_B)).isTrue();
        assertThat(j.canCapture(DISTRICT_B)).isFalse();

        Jurisdiction captureOnly = new Jurisdiction(List.of(DISTRICT_B), List.of());
        assertThat(captureOnly.view()).containsExactly(DISTRICT_B);
    }

    @Test
    void scopesAreNormalisedAndMinimal() {
        Jurisdiction j = new Jurisdiction(
                List.of("990100000000/990102000000", TOWNSHIP_A, " "), List.of(DISTRICT_A, CITY, DISTRICT_B));
        assertThat(j.capture()).containsExactly(DISTRICT_A);
        assertThat(j.view()).containsExactly(CITY);
        assertThat(j.viewPatterns()).containsExactly(CITY + "%");
    }

    @Test
    void noScopesMatchNothingButStayValidSql() {
        Jurisdiction none = Jurisdiction.none();
        assertThat(none.canView(CITY)).isFalse();
        assertThat(none.canCapture(CITY)).isFalse();
        assertThat(none.viewPatterns()).hasSize(1).allSatisfy(p -> assertThat(p).doesNotContain("%"));
        assertThat(none.capturePatterns()).isEqualTo(none.viewPatterns());
    }

    @Test
    void likePatternsEscapeWildcards() {
        Jurisdiction j = new Jurisdiction(List.of("/a_b/", "/c%d/", "/e\\f/"), List.of());
        assertThat(j.capturePatterns()).containsExactly("/a\\_b/%", "/c\\%d/%", "/e\\\\f/%");
    }
}
