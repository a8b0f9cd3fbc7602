package io.tousu.intake.complaint;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tousu.intake.complaint.ComplaintStore.Outcome;
import io.tousu.intake.complaint.ComplaintStore.Submitted;
import io.tousu.intake.submission.ComplaintSubmission;
import jakarta.ws.rs.ServiceUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The writer's queueing, load shedding and fallback, against a store that needs no database. */
class ComplaintWriterTest {
    private final CountDownLatch release = new CountDownLatch(1);
    private final Set<String> storedAlone = ConcurrentHashMap.newKeySet();
    private volatile boolean batchesFail;
    private ComplaintWriter writer;

    /** Stores nothing: answers from the submission, and can hold a batch or fail it as a whole. */
    private final ComplaintStore store = new ComplaintStore(null, null, null, null, null, null, null, null) {
        @Override
        public List<Outcome> createAll(List<Submitted> batch) {
            await();
            if (batchesFail) {
                throw new IllegalStateException("a retry in the batch");
            }
            return batch.stream().map(ComplaintWriterTest::created).toList();
        }

        @Override
        public Outcome storeAlone(Submitted s) {
            await();
            storedAlone.add(s.submission().channelRef());
            return created(s);
        }
    };

    private ComplaintWriter start(int queue) {
        writer = new ComplaintWriter(store, new SimpleMeterRegistry(), 1, 200, queue);
        writer.start(null);
        return writer;
    }

    @AfterEach
    void stop() throws InterruptedException {
        release.countDown();
        if (writer != null) {
            writer.stop(null);
        }
    }

    @Test
    void aFullQueueAnswers503AndWhatWasQueuedIsStillStored() throws Exception {
        start(1);
        CompletableFuture<Outcome> first = writer.write(submitted("A")).toCompletableFuture();
        // The only writer takes the first and is held; the second fills the queue of one.
        awaitTaken(first);
        CompletableFuture<Outcome> second = writer.write(submitted("B")).toCompletableFuture();
        CompletableFuture<Outcome> third = writer.write(submitted("C")).toCompletableFuture();

        assertThat(third).failsWithin(1, TimeUnit.SECONDS).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(ServiceUnavailableException.class);
        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS).complaint().number()).isEqualTo("A");
        assertThat(second.get(5, TimeUnit.SECONDS).complaint().number()).isEqualTo("B");
    }

    @Test
    void aBatchThatFailsAsAWholeIsStoredOneByOne() throws Exception {
        batchesFail = true;
        start(16);
        // Held on the first, the writer finds the other three queued and takes them as one batch.
        CompletableFuture<Outcome> first = writer.write(submitted("A")).toCompletableFuture();
        awaitTaken(first);
        List<CompletableFuture<Outcome>> rest = List.of("B", "C", "D").stream()
                .map(ref -> writer.write(submitted(ref)).toCompletableFuture()).toList();
        release.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS).created()).isTrue();
        for (CompletableFuture<Outcome> answer : rest) {
            assertThat(answer.get(5, TimeUnit.SECONDS).created()).isTrue();
        }
        assertThat(storedAlone).containsExactlyInAnyOrder("A", "B", "C", "D");
    }

    @Test
    void aStoppedWriterRefusesWithA503() {
        writer = new ComplaintWriter(store, new SimpleMeterRegistry(), 1, 200, 16);
        assertThat(writer.write(submitted("A")).toCompletableFuture()).failsWithin(1, TimeUnit.SECONDS)
                .withThrowableOfType(ExecutionException.class).withCauseInstanceOf(ServiceUnavailableException.class);
        writer = null;
    }

    /** Waits until the writer has taken the first submission off the queue (it is then held). */
    private void awaitTaken(CompletableFuture<Outcome> first) throws InterruptedException {
        for (int i = 0; i < 500 && !taken; i++) {
            Thread.sleep(10);
        }
        assertThat(taken).as("the writer took the first submission").isTrue();
        assertThat(first).isNotDone();
    }

    private volatile boolean taken;

    private void await() {
        taken = true;
        try {
            assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Submitted submitted(String channelRef) {
        ComplaintSubmission s = new ComplaintSubmission("HOTLINE", channelRef, "COMPLAINT", null,
                new ComplaintSubmission.Customer("C1", "张三", "13800138000", null, false, "PHONE"), null, null, null,
                "信号差", "家里没有信号", null, null, null, null, false, null, null);
        return new Submitted(s, null, "{}", null);
    }

    private static Outcome created(Submitted s) {
        return new Outcome(new AcceptedComplaint(UUID.randomUUID(), s.submission().channelRef(), ComplaintStatus.RECEIVED,
                OffsetDateTime.now(), OffsetDateTime.now()), true);
    }
}
