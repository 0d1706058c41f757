package cn.yingji.shared.db;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Work tied to the end of the current transaction, for caches and pushes that must not run ahead of a commit. */
public final class AfterTransaction {

    private AfterTransaction() {}

    /**
     * Runs {@code action} once the current transaction has committed (never on rollback), or at once when there is
     * no transaction.
     */
    public static void commitOrNow(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    /**
     * Runs {@code action} when the current transaction ends, committed or rolled back; nothing when there is no
     * transaction. For a cache invalidated now that must be invalidated again, since a reader may have reloaded it
     * from the rows as they were before the commit.
     */
    public static void completion(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    action.run();
                }
            });
        }
    }
}
