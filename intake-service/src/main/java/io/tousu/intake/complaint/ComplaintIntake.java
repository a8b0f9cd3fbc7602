package io.tousu.intake.complaint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tousu.intake.complaint.ComplaintStore.Outcome;
import io.tousu.intake.complaint.ComplaintStore.Submitted;
import io.tousu.intake.submission.ComplaintSubmission;
import io.tousu.intake.submission.SubmissionValidator;
import io.tousu.platform.tracing.Traces;
import io.tousu.platform.problem.FieldError;
import io.tousu.platform.problem.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Accepts a submission exactly once: validates it on the caller's thread and hands it to the
 * {@link ComplaintWriter}, which stores the complaint and its {@code ComplaintReceived} event in
 * one transaction and answers a retry — same (channel, channelRef) or same Idempotency-Key —
 * with the original answer.
 */
@ApplicationScoped
public class ComplaintIntake {
    private final SubmissionValidator validator;
    private final ComplaintWriter writer;
    private final ObjectMapper mapper;

    public ComplaintIntake(ComplaintWriter writer, ObjectMapper mapper, Clock clock) {
        this.validator = new SubmissionValidator(clock);
        this.writer = writer;
        this.mapper = mapper;
    }

    /** Completes once the complaint is committed; invalid input throws at once. */
    public CompletionStage<Outcome> submit(ComplaintSubmission submission, String idempotencyKey) {
        List<FieldError> errors = validator.validate(submission);
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            errors = new ArrayList<>(errors);
            errors.add(new FieldError("Idempotency-Key", "must be 1 to 200 characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return writer.write(new Submitted(submission, idempotencyKey, json(submission), Traces.current()));
    }

    /** Waits for a {@link #submit}: for callers on a worker thread, such as a Kafka consumer. */
    public static Outcome await(CompletionStage<Outcome> submitted) {
        try {
            return submitted.toCompletableFuture().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private String json(ComplaintSubmission s) {
        try {
            return mapper.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
