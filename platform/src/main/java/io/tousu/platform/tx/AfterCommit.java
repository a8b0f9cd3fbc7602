package io.tousu.platform.tx;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Values kept for the current transaction and handed on when it completes: once it has
 * committed, not at all if it rolls back. Lets a batch gather what it would otherwise do or
 * register once per item.
 */
@ApplicationScoped
public class AfterCommit {
    private final TransactionSynchronizationRegistry transactions;

    public AfterCommit(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    /** A value kept under {@code key}: made on first use, and handed to {@code atCommit} once the transaction has committed. */
    public <T> T collect(Object key, Supplier<T> create, Consumer<T> atCommit) {
        return collect(key, create, value -> {
        }, atCommit);
    }

    /**
     * Like {@link #collect(Object, Supplier, Consumer)}, and the value is also handed to
     * {@code beforeCommit} while the transaction is still open, just before it commits: a
     * failure there rolls the transaction back.
     */
    @SuppressWarnings("unchecked")
    public <T> T collect(Object key, Supplier<T> create, Consumer<T> beforeCommit, Consumer<T> atCommit) {
        T value = (T) transactions.getResource(key);
        if (value != null) {
            return value;
        }
        T created = create.get();
        transactions.putResource(key, created);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                beforeCommit.accept(created);
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    atCommit.accept(created);
                }
            }
        });
        return created;
    }
}
