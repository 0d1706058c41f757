package cn.yingji.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yingji.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContactValuesTests {

    @ParameterizedTest
    @ValueSource(strings = {"13800138000", "+8613800138000", "8613800138000", "008613800138000", "+86 138-0013-8000"})
    void normalisesMobileNumbers(String text) {
        assertThat(ContactValues.mobile(text, "m")).isEqualTo("13800138000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12800138000", "1380013800", "138001380000", "23800138000", "+85213800138000", "abc", ""})
    void rejectsBadMobileNumbers(String text) {
        assertThatThrownBy(() -> ContactValues.mobile(text, "channels[0].value"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(
                                ((InvalidInputException) e).fieldErrors().get(0).field())
                        .isEqualTo("channels[0].value"));
    }

    @Test
    void validatesLandlines() {
        assertThat(ContactValues.landline("0551-62345678", "l")).isEqualTo("0551-62345678");
        assertThat(ContactValues.landline("010-12345678".replace("1234", "6234"), "l"))
                .isEqualTo("010-62345678");
        assertThat(ContactValues.landline("0551-6234567-801", "l")).isEqualTo("0551-6234567-801");
        for (String bad : new String[] {"62345678", "551-62345678", "0551-02345678", "010-623456789", "0551 6234"}) {
            assertThatThrownBy(() -> ContactValues.landline(bad, "l"))
                    .as(bad)
                    .isInstanceOf(InvalidInputException.class);
        }
        // Beijing's area code has three digits, Hefei's four.
        assertThatThrownBy(() -> ContactValues.landline("0100-62345678", "l"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ContactValues.landline("055-62345678", "l")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void validatesEmail() {
        assertThat(ContactValues.email(" Duty.Office@Hefei.GOV.cn ", "e")).isEqualTo("duty.office@hefei.gov.cn");
        for (String bad : new String[] {"duty", "duty@", "@gov.cn", "a b@gov.cn", "duty@gov"}) {
            assertThatThrownBy(() -> ContactValues.email(bad, "e")).as(bad).isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void dispatchesByType() {
        assertThat(ContactValues.normalise(ChannelType.MOBILE, "+86 13912345678", "v"))
                .isEqualTo("13912345678");
        assertThat(ContactValues.normalise(ChannelType.WECHAT, "duty_0551", "v"))
                .isEqualTo("duty_0551");
        assertThat(ContactValues.normalise(ChannelType.OTHER, " 卫星电话 8816 ", "v"))
                .isEqualTo("卫星电话 8816");
        assertThatThrownBy(() -> ContactValues.normalise(ChannelType.OTHER, " ", "v"))
                .isInstanceOf(InvalidInputException.class);
    }
}
