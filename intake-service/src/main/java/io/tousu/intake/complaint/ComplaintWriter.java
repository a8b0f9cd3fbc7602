package io.tousu.intake.complaint;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tousu.intake.complaint.ComplaintStore.Outcome;
import io.tousu.intake.complaint.ComplaintStore.Submitted;
import io.tousu.intake.config.IntakeConfig;
import io.tousu.intake.submission.ComplaintSubmission;
import io.tousu.platform.problem.PhoneMask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.ServiceUnavailableException;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Group commit: submissions that arrive while a transaction is being written wait in a queue,
 * and the next writer stores all of them in one transaction with batched inserts. A request is
 * answered only after its transaction committed, so nothing acknowledged can be lost; but
 * PostgreSQL commits once per batch instead of once per complaint, and no request thread holds
 * a connection. If a batch fails (typically one of them is a retry), each of its submissions is
 * stored on its own, which answers retries with the original complaint.
 */
@ApplicationScoped
public class ComplaintWriter {
    private static final Logger LOG = Logger.getLogger(ComplaintWriter.class);

    private final ComplaintStore store;
    private final MeterRegistry registry;
    private final BlockingQueue<Pending> queue;
    private final int writers;
    private final int maxBatch;
    private final DistributionSummary batchSizes;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    @Inject
    public ComplaintWriter(ComplaintStore store, MeterRegistry registry, IntakeConfig config) {
        this(store, registry, config.writer().threads(), config.writer().maxBatch(), config.writer().queue());
    }

    public ComplaintWriter(ComplaintStore store, MeterRegistry registry, int writers, int maxBatch, int capacity) {
        this.store = store;
        this.registry = registry;
        this.writers = writers;
        this.maxBatch = maxBatch;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.batchSizes = DistributionSummary.builder("intake_write_batch_size")
                .description("Complaints stored per transaction").register(registry);
    }

    private record Pending(Submitted submitted, CompletableFuture<Outcome> answer) {
    }

    /** Stores a validated submission; completes once it is committed (or found to be a retry). */
    public CompletionStage<Outcome> write(Submitted submitted) {
        CompletableFuture<Outcome> answer = new CompletableFuture<>();
        if (!running || !queue.offer(new Pending(submitted, answer))) {
            // Shed load rather than queue without bound: the caller may retry (idempotently).
            answer.completeExceptionally(new ServiceUnavailableException(
                    "Intake is busy or stopping; retry the same submission shortly.", 1L));
        }
        return answer;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        for (int i = 0; i < writers; i++) {
            Thread thread = new Thread(this::run, "complaint-writer-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    /** Finishes what was queued before the ORM closes: those requests are still waiting for an answer. */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(10_000);
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("complaint writer: unexpected failure", e);
                batch.forEach(p -> p.answer().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        batchSizes.record(batch.size());
        if (batch.size() > 1) {
            try {
                List<Outcome> outcomes = store.createAll(batch.stream().map(Pending::submitted).toList());
                for (int i = 0; i < batch.size(); i++) {
                    answer(batch.get(i), outcomes.get(i));
                }
                return;
            } catch (RuntimeException e) {
                LOG.debugf("a batch of %d failed as a whole (%s); storing each on its own", batch.size(), e.getMessage());
            }
        }
        for (Pending p : batch) {
            try {
                answer(p, store.storeAlone(p.submitted()));
            } catch (RuntimeException e) {
                p.answer().completeExceptionally(e);
            }
        }
    }

    private void answer(Pending p, Outcome outcome) {
        ComplaintSubmission s = p.submitted().submission();
        if (outcome.created()) {
            registry.counter("complaints_received", "channel", s.channel(), "type", s.typeOrDefault()).increment();
            LOG.debugf("accepted %s from %s %s, customer %s", outcome.complaint().number(), s.channel(),
                    s.channelRef(), PhoneMask.mask(s.customer().phone()));
        }
        p.answer().complete(outcome);
    }
}
