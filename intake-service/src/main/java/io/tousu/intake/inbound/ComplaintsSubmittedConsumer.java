package io.tousu.intake.inbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.tousu.intake.complaint.ComplaintIntake;
import io.tousu.intake.complaint.Rejections;
import io.tousu.intake.submission.ComplaintSubmission;
import io.tousu.platform.problem.FieldError;
import io.tousu.platform.problem.InvalidInputException;
import io.tousu.platform.problem.StateConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.nio.charset.StandardCharsets;
import java.util.List;

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
    private final ObjectMapper mapper;

    public ComplaintsSubmittedConsumer(ComplaintIntake intake, Rejections rejections, ObjectMapper mapper) {
        this.intake = intake;
        this.rejections = rejections;
        this.mapper = mapper;
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void on(ConsumerRecord<String, String> record) {
        ComplaintSubmission submission;
        try {
            submission = record.value() == null ? null : mapper.readValue(record.value(), ComplaintSubmission.class);
        } catch (JsonProcessingException e) {
            rejections.reject(record, null, List.of(new FieldError("", "not a readable submission: " + e.getOriginalMessage())));
            return;
        }
        if (submission == null) {
            rejections.reject(record, null, List.of(new FieldError("", "the record has no submission")));
            return;
        }
        try {
            intake.submitAndWait(submission, header(record, "Idempotency-Key"));
        } catch (InvalidInputException e) {
            rejections.reject(record, submission, e.errors());
        } catch (StateConflictException e) {
            rejections.reject(record, submission, List.of(new FieldError("channelRef", e.getMessage())));
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
