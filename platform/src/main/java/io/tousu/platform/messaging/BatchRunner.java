package io.tousu.platform.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a batch consumer's work in one transaction per batch, so a batch is applied whole or not
 * at all and its offsets are committed only after. A transient failure (database away,
 * deadlock) retries the batch with back-off for as long as it lasts; any other failure splits
 * the batch and runs each record alone, dead-lettering just the ones that still fail. Once the
 * service is stopping, a failure is the shutdown's (the database pool closing), not the
 * record's: nothing is dead-lettered then, the batch fails uncommitted and is read again after
 * the restart.
 */
@ApplicationScoped
public class BatchRunner {
    private static final Logger LOG = Logger.getLogger(BatchRunner.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final DeadLetters deadLetters;
    private volatile boolean stopping;

    public BatchRunner(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    void onStop(@Observes @Priority(1) ShutdownEvent event) {
        stopping = true;
    }

    /**
     * @param items    what was read from the records, in order
     * @param recordOf the record an item was read from, to dead-letter it
     * @param work     the transactional work on a batch of items
     */
    public <T> void run(List<T> items, Function<T, ConsumerRecord<String, String>> recordOf, Consumer<List<T>> work) {
        if (items.isEmpty()) {
            return;
        }
        try {
            inTransaction(items, work);
        } catch (RuntimeException e) {
            if (stopping) {
                throw new IllegalStateException("stopping: a batch of " + items.size() + " is left to the next start", e);
            }
            if (items.size() == 1) {
                deadLetter(recordOf.apply(items.get(0)), e);
                return;
            }
            LOG.warnf("a batch of %d records failed (%s); processing them one by one", items.size(), e.toString());
            for (T item : items) {
                try {
                    inTransaction(List.of(item), work);
                } catch (RuntimeException alone) {
                    if (stopping) {
                        throw new IllegalStateException("stopping: the rest of a batch is left to the next start", alone);
                    }
                    deadLetter(recordOf.apply(item), alone);
                }
            }
        }
    }

    /** Commits or, for transient failures, retries until it does; other failures are thrown. */
    private <T> void inTransaction(List<T> records, Consumer<List<T>> work) {
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            try {
                long start = System.nanoTime();
                QuarkusTransaction.requiringNew().run(() -> work.accept(records));
                LOG.debugf("batch of %d committed in %d ms", records.size(), (System.nanoTime() - start) / 1_000_000);
                return;
            } catch (RuntimeException e) {
                if (!TransientFailures.isTransient(e) || stopping) {
                    throw e;
                }
                LOG.warnf("transient failure, retrying a batch of %d in %d ms: %s", records.size(), backoff.toMillis(),
                        e.toString());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    public void deadLetter(ConsumerRecord<String, String> record, RuntimeException e) {
        LOG.errorf("dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), e.toString());
        deadLetters.send(record, e.getMessage() == null ? e.getClass().getName() : e.getMessage());
    }

    private static void sleep(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a batch", e);
        }
    }
}
