package io.tousu.intake.inbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.tousu.intake.complaint.ComplaintIntake;
import io.tousu.intake.complaint.ComplaintStore;
import io.tousu.intake.complaint.Rejections;
import io.tousu.intake.submission.ComplaintSubmission;
import io.tousu.platform.messaging.BatchRunner;
import io.tousu.platform.problem.FieldError;
import io.tousu.platform.problem.InvalidInputException;
import io.tousu.platform.problem.StateConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Streaming intake: channel systems produce submissions to {@code complaints.submitted}. A valid
 * one takes the same path as a REST submission (same validation, same idempotency); an invalid
 * or undecodable one is published to {@code complaints.rejected} with its errors, and the
 * consumer goes on. Failures of our own (database down) go to the dead-letter topic.
 */
@ApplicationScoped
public class ComplaintsSubmittedConsumer {
    static final String CHANNEL = "complaints-submitted";

    private final ComplaintIntake intake;
    private final Rejections rejections;
    private final BatchRunner batches;
    private final ObjectMapper mapper;

    public ComplaintsSubmittedConsumer(ComplaintIntake intake, Rejections rejections, BatchRunner batches,
                                       ObjectMapper mapper) {
        this.intake = intake;
        this.batches = batches;
        this.rejections = rejections;
        this.mapper = mapper;
    }

    private record Pending(ConsumerRecord<String, String> record, ComplaintSubmission submission,
                           CompletionStage<ComplaintStore.Outcome> outcome) {
    }

    /**
     * A polled batch at once: every valid submission goes to intake's writer before the first is
     * awaited, so the batch commits in a few group-committed transactions instead of one each.
     * Offsets are committed after the whole batch is stored, rejected or dead-lettered.
     */
    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void on(ConsumerRecords<String, String> records) {
        List<Pending> pending = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            ComplaintSubmission submission = read(record);
            if (submission == null) {
                continue;
            }
            try {
                pending.add(new Pending(record, submission, intake.submit(submission, header(record, "Idempotency-Key"))));
            } catch (InvalidInputException e) {
                rejections.reject(record, submission, e.errors());
            } catch (RuntimeException e) {
                batches.deadLetter(record, e);
            }
        }
        for (Pending p : pending) {
            try {
                ComplaintIntake.await(p.outcome());
            } catch (StateConflictException e) {
                rejections.reject(p.record(), p.submission(), List.of(new FieldError("channelRef", e.getMessage())));
            } catch (RuntimeException e) {
                batches.deadLetter(p.record(), e); // a failure of our own: the database, say
            }
        }
    }

    /** The submission, or null once an unreadable record has been answered on complaints.rejected. */
    private ComplaintSubmission read(ConsumerRecord<String, String> record) {
        ComplaintSubmission submission;
        try {
            submission = record.value() == null ? null : mapper.readValue(record.value(), ComplaintSubmission.class);
        } catch (JsonProcessingException e) {
            rejections.reject(record, null, List.of(new FieldError("", "not a readable submission: " + e.getOriginalMessage())));
            return null;
        }
        if (submission == null) {
            rejections.reject(record, null, List.of(new FieldError("", "the record has no submission")));
        }
        return submission;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
