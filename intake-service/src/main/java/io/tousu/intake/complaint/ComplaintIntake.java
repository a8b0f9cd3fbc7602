package io.tousu.intake.complaint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tousu.intake.events.ComplaintReceived;
import io.tousu.intake.promise.PromisePolicies;
import io.tousu.platform.outbox.Outbox;
import io.tousu.platform.problem.FieldError;
import io.tousu.platform.problem.InvalidInputException;
import io.tousu.platform.problem.PhoneMask;
import io.tousu.platform.problem.StateConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Accepts a submission exactly once: validates it, stores the complaint and its
 * {@code ComplaintReceived} event in one transaction, and answers a retry — same
 * (channel, channelRef) or same Idempotency-Key — with the original answer.
 */
@ApplicationScoped
public class ComplaintIntake {
    private static final Logger LOG = Logger.getLogger(ComplaintIntake.class);
    private static final String UNIQUE_VIOLATION = "23505";

    private final SubmissionValidator validator;
    private final ComplaintNumbers numbers;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final ServiceZone zone;
    private final Clock clock;
    private final PromisePolicies promises;
    private final MeterRegistry registry;

    public ComplaintIntake(ComplaintNumbers numbers, Outbox outbox, ObjectMapper mapper, ServiceZone zone, Clock clock,
                           MeterRegistry registry, PromisePolicies promises) {
        this.validator = new SubmissionValidator(clock);
        this.numbers = numbers;
        this.outbox = outbox;
        this.mapper = mapper;
        this.zone = zone;
        this.clock = clock;
        this.promises = promises;
        this.registry = registry;
    }

    /** The outcome: the answer, and whether this call created the complaint. */
    public record Outcome(AcceptedComplaint complaint, boolean created) {
    }

    public Outcome submit(ComplaintSubmission submission, String idempotencyKey) {
        List<FieldError> errors = validator.validate(submission);
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            errors = new ArrayList<>(errors);
            errors.add(new FieldError("Idempotency-Key", "must be 1 to 200 characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String json = json(submission);
        String hash = sha256(json);
        // Insert first: a retry is the exception, and the unique constraints recognise it.
        try {
            Outcome created = QuarkusTransaction.requiringNew().call(() -> create(submission, json, idempotencyKey, hash));
            registry.counter("complaints_received", "channel", submission.channel(), "type", submission.typeOrDefault())
                    .increment();
            LOG.debugf("accepted %s from %s %s, customer %s", created.complaint().number(), submission.channel(),
                    submission.channelRef(), PhoneMask.mask(submission.customer().phone()));
            return created;
        } catch (PersistenceException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            // A retry, or a concurrent twin that won the race: answer with what was stored.
            return replay(QuarkusTransaction.requiringNew().call(() -> find(submission, idempotencyKey)).orElseThrow(), hash);
        }
    }

    public Optional<Complaint> byId(UUID id) {
        return Complaint.findByIdOptional(id);
    }

    private Optional<Complaint> find(ComplaintSubmission s, String idempotencyKey) {
        Optional<Complaint> byKey = idempotencyKey == null ? Optional.empty() : Complaint.byIdempotencyKey(idempotencyKey);
        return byKey.or(() -> Complaint.byChannelRef(Channel.valueOf(s.channel()), s.channelRef()));
    }

    private Outcome replay(Complaint earlier, String hash) {
        if (!earlier.requestHash.equals(hash)) {
            throw new StateConflictException("Complaint " + earlier.number
                    + " was submitted under this channelRef or Idempotency-Key with a different body.");
        }
        return new Outcome(accepted(earlier), false);
    }

    private Outcome create(ComplaintSubmission s, String json, String idempotencyKey, String hash) {
        Instant now = clock.instant();
        Complaint c = new Complaint();
        c.id = UUID.randomUUID();
        c.receivedAt = s.receivedAt() != null ? s.receivedAt().toInstant() : now;
        c.number = numbers.next(c.receivedAt);
        c.channel = Channel.valueOf(s.channel());
        c.channelRef = s.channelRef();
        c.idempotencyKey = idempotencyKey;
        c.requestHash = hash;
        c.type = ComplaintType.valueOf(s.typeOrDefault());
        c.status = s.firstContactResolution() ? ComplaintStatus.RESOLVED_FIRST_CONTACT : ComplaintStatus.RECEIVED;
        c.statusChangedAt = c.receivedAt;
        c.customerPhone = s.customer().phone();
        c.category = s.category();
        c.promisedReplyBy = promises.current().promisedReplyBy(c.receivedAt,
                s.referral() == null ? null : s.referral().dueBy());
        c.submission = json;
        // Flush now: a retry's unique-constraint violation must surface here, not at commit.
        c.persistAndFlush();
        outbox.add(ComplaintReceived.TOPIC, c.id.toString(), ComplaintReceived.TYPE, event(c, s));
        return new Outcome(accepted(c), true);
    }

    private ComplaintReceived event(Complaint c, ComplaintSubmission s) {
        return new ComplaintReceived(c.id, c.number, c.status.name(), c.channel.name(), c.channelRef, c.type.name(),
                zone.show(c.receivedAt), zone.show(c.promisedReplyBy), s.customer(), s.serviceNumber(), s.area(),
                s.category(), s.subject(), s.description(), s.occurredAt(), s.demands(), s.evidence(),
                s.firstResponder(), s.firstContactResolution(), s.resolution(), s.referral());
    }

    AcceptedComplaint accepted(Complaint c) {
        return new AcceptedComplaint(c.id, c.number, c.status, zone.show(c.receivedAt), zone.show(c.promisedReplyBy));
    }

    private String json(ComplaintSubmission s) {
        try {
            return mapper.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String json) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
