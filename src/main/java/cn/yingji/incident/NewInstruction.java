package cn.yingji.incident;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Command to record a leader's instruction (领导批示).
 *
 * @param authorName the leader
 * @param authorTitle their title, e.g. 副市长
 * @param text the instruction
 * @param issuedAt when it was given; now when null; not in the future
 * @param addressee to whom it is addressed (person, department or level), as text
 * @param addresseeUser username of the addressed user, if they use the platform; only they (or an administrator)
 *     then acknowledge it
 */
public record NewInstruction(
        String authorName,
        @Nullable String authorTitle,
        String text,
        @Nullable Instant issuedAt,
        String addressee,
        @Nullable String addresseeUser) {}
