package io.tousu.platform.tx;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.function.Consumer;
import java.util.function.Supplier;

/** Runs something once the current transaction has committed, and not at all if it rolls back. */
@ApplicationScoped
public class AfterCommit {
    private final TransactionSynchronizationRegistry transactions;

    public AfterCommit(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    public void run(Runnable action) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // only the outcome matters
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }

    /** Like {@link #run}, but once per transaction for a given key, however often it is asked. */
    public void runOnce(Object key, Runnable action) {
        collect(key, () -> Boolean.TRUE, once -> action.run());
    }

    /**
     * A value kept for the current transaction under {@code key}: made on first use, and handed
     * to {@code atCommit} once the transaction has committed. Lets a batch gather what it would
     * otherwise register one synchronization for per item.
     */
    @SuppressWarnings("unchecked")
    public <T> T collect(Object key, Supplier<T> create, Consumer<T> atCommit) {
        T value = (T) transactions.getResource(key);
        if (value == null) {
            T created = create.get();
            transactions.putResource(key, created);
            run(() -> atCommit.accept(created));
            value = created;
        }
        return value;
    }
}
