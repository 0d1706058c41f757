package cn.yingji.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidsTests {

    @Test
    void versionSevenWithTheIetfVariantTimeOrderedAndUnique() throws Exception {
        UUID first = Uuids.timeOrdered();
        assertThat(first.version()).isEqualTo(7);
        assertThat(first.variant()).isEqualTo(2);
        long ms = first.getMostSignificantBits() >>> 16;
        assertThat(ms).isBetween(System.currentTimeMillis() - 1_000, System.currentTimeMillis());
        Thread.sleep(2); // the next UUID must come from a later millisecond
        UUID later = Uuids.timeOrdered();
        assertThat(later.getMostSignificantBits() >>> 16).isGreaterThan(ms);
        // PostgreSQL orders uuid bytewise, i.e. by the unsigned most significant bits first
        assertThat(Long.compareUnsigned(later.getMostSignificantBits(), first.getMostSignificantBits()))
                .isPositive();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            assertThat(seen.add(Uuids.timeOrdered())).isTrue();
        }
    }
}
