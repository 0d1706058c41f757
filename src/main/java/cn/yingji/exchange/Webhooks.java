package cn.yingji.exchange;

import java.time.Instant;

/** The webhook delivery queue, for operations (deliver now) and tests. */
public interface Webhooks {

    /**
     * Claims the deliveries due at {@code now} and sends them, recording each attempt.
     *
     * @return how many deliveries were claimed
     */
    int deliverDue(Instant now);

    /** Attempts before a delivery goes to the dead-letter list. */
    int maxAttempts();
}
