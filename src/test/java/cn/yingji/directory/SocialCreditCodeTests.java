package cn.yingji.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yingji.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SocialCreditCodeTests {

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "91440300708461136T", "91110108551385082Q", "911100007109311097"})
    void acceptsRealCodes(String code) {
        assertThat(SocialCreditCode.isValid(code)).isTrue();
        assertThat(SocialCreditCode.of(code).value()).isEqualTo(code);
    }

    @Test
    void computesTheCheckCharacter() {
        assertThat(SocialCreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
        assertThat(SocialCreditCode.checkCharacter("91110000100000000")).isEqualTo('R');
        // A sum divisible by 31 gives 31 - 0 = 31, which maps to '0'.
        assertThat(SocialCreditCode.checkCharacter("00000000000000000")).isEqualTo('0');
    }

    @Test
    void normalisesCaseAndBlanks() {
        assertThat(SocialCreditCode.of(" 91350100m000100y43 ").value()).isEqualTo("91350100M000100Y43");
    }

    @Test
    void rejectsAWrongCheckCharacter() {
        assertThatThrownBy(() -> SocialCreditCode.of("911100001000000000"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors())
                        .singleElement()
                        .satisfies(fe -> {
                            assertThat(fe.field()).isEqualTo("creditCode");
                            assertThat(fe.messageKey()).isEqualTo("directory.error.creditCode.check");
                        }));
        assertThat(SocialCreditCode.isValid("91350100M000100Y44")).isFalse();
    }

    @Test
    void rejectsWrongLengthAndForbiddenCharacters() {
        assertThat(key("91350100M000100Y4")).isEqualTo("directory.error.creditCode.length");
        assertThat(key("")).isEqualTo("directory.error.creditCode.length");
        // I, O, Z, S, V are not part of the alphabet.
        assertThat(key("91350100M000100I43")).isEqualTo("directory.error.creditCode.charset");
        assertThat(key("9135010OM000100Y43")).isEqualTo("directory.error.creditCode.charset");
        assertThat(key("91A50100M000100Y43")).isEqualTo("directory.error.creditCode.division");
        assertThat(SocialCreditCode.isValid(null)).isFalse();
    }

    private static String key(String code) {
        try {
            SocialCreditCode.of(code);
            return "valid";
        } catch (InvalidInputException e) {
            return e.fieldErrors().get(0).messageKey();
        }
    }
}
