package cn.yingji.callout.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yingji.directory.ChannelType;
import cn.yingji.directory.ContactChannel;
import cn.yingji.directory.Directory;
import cn.yingji.directory.DirectoryManagement;
import cn.yingji.directory.Gender;
import cn.yingji.directory.NewContactChannel;
import cn.yingji.directory.NewPerson;
import cn.yingji.directory.PersonId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The directory's bulk read of contact channels (used for call lists and fan-out): one query gives the same
 * channels, in the same order of preference, as one read per person; persons without channels are absent.
 */
@cn.yingji.support.YingjiTest
class CalloutContactsTests {

    private final Directory directory;
    private final DirectoryManagement management;

    CalloutContactsTests(Directory directory, DirectoryManagement management) {
        this.directory = directory;
        this.management = management;
    }

    @Test
    void bulkContactChannelsMatchOneReadPerPerson() {
        SecurityContextHolder.clearContext();
        String path = "/340100000000/340102000000/340102001000/";
        PersonId two = management.createPerson(new NewPerson(
                "批量" + UUID.randomUUID().toString().substring(0, 4),
                Gender.MALE,
                null,
                path,
                "测试",
                List.of(
                        new NewContactChannel(ChannelType.EMAIL, "bulk" + UUID.randomUUID() + "@example.cn", true),
                        new NewContactChannel(ChannelType.MOBILE, "13912345678", true))));
        PersonId one = management.createPerson(new NewPerson(
                "批量" + UUID.randomUUID().toString().substring(0, 4),
                Gender.FEMALE,
                null,
                path,
                "测试",
                List.of(new NewContactChannel(ChannelType.MOBILE, "13812345678", true))));
        PersonId none = management.createPerson(new NewPerson(
                "批量" + UUID.randomUUID().toString().substring(0, 4), Gender.FEMALE, null, path, "测试", List.of()));
        PersonId unknown = new PersonId(UUID.randomUUID());

        Map<PersonId, List<ContactChannel>> bulk = directory.contactChannels(List.of(two, one, none, unknown));

        assertThat(bulk).containsOnlyKeys(two, one);
        assertThat(bulk.get(two)).isEqualTo(directory.contactChannels(two));
        assertThat(bulk.get(two))
                .extracting(ContactChannel::type)
                .containsExactly(ChannelType.EMAIL, ChannelType.MOBILE);
        assertThat(bulk.get(one)).isEqualTo(directory.contactChannels(one));
        assertThat(directory.contactChannels(List.<PersonId>of())).isEmpty();
    }
}
