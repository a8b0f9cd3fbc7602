package io.tousu.intake.complaint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tousu.intake.events.ComplaintReceived;
import io.tousu.intake.promise.PromisePolicies;
import io.tousu.intake.submission.Channel;
import io.tousu.intake.submission.ComplaintSubmission;
import io.tousu.intake.submission.ComplaintType;
import io.opentelemetry.api.trace.SpanKind;
import io.tousu.platform.tracing.Traces;
import io.tousu.platform.jdbc.BatchInsert;
import io.tousu.platform.outbox.Outbox;
import io.tousu.platform.problem.StateConflictException;
import io.tousu.platform.time.ServiceZone;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Stores accepted submissions: each complaint with its {@code ComplaintReceived} event in the
 * outbox, in the same transaction. A submission already stored — same (channel, channelRef) or
 * same Idempotency-Key — is answered with the original complaint.
 */
@ApplicationScoped
public class ComplaintStore {
    private static final String UNIQUE_VIOLATION = "23505";

    private final ComplaintNumbers numbers;
    private final Outbox outbox;
    private final ServiceZone zone;
    private final Clock clock;
    private final PromisePolicies promises;
    private final DataSource dataSource;
    private final ObjectMapper mapper;
    private final Traces traces;

    public ComplaintStore(ComplaintNumbers numbers, Outbox outbox, ServiceZone zone, Clock clock,
                          PromisePolicies promises, DataSource dataSource, ObjectMapper mapper, Traces traces) {
        this.traces = traces;
        this.numbers = numbers;
        this.outbox = outbox;
        this.zone = zone;
        this.clock = clock;
        this.promises = promises;
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    /**
     * A validated submission, as sent, and as JSON: what is stored, and what a retry must match;
     * with the traceparent of the request that sent it, since the writer stores it on another thread.
     */
    public record Submitted(ComplaintSubmission submission, String idempotencyKey, String json, String traceparent) {
    }

    /** The outcome: the answer, and whether this call created the complaint. */
    public record Outcome(AcceptedComplaint complaint, boolean created) {
    }

    /**
     * Creates every submission in one new transaction, each table in one JDBC batch. Fails as a
     * whole if any of them is a retry (a unique violation); {@link #storeAlone} then sorts them out.
     */
    public List<Outcome> createAll(List<Submitted> batch) {
        return QuarkusTransaction.requiringNew().call(() -> {
            BatchInsert rows = Complaint.newRows();
            List<Outcome> outcomes = new ArrayList<>(batch.size());
            for (Submitted s : batch) {
                outcomes.add(create(s, rows));
            }
            // Inside the transaction: a retry's unique violation must surface here, not at commit.
            rows.writeTo(dataSource);
            return outcomes;
        });
    }

    /** Creates one submission in its own transaction, or answers a retry with what was stored. */
    public Outcome storeAlone(Submitted s) {
        // Insert first: a retry is the exception, and the unique constraints recognise it.
        try {
            return createAll(List.of(s)).get(0);
        } catch (PersistenceException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            // A retry, or a concurrent twin that won the race: answer with what was stored.
            return replay(QuarkusTransaction.requiringNew().call(() -> find(s)).orElseThrow(), s);
        }
    }

    private Outcome create(Submitted submitted, BatchInsert rows) {
        ComplaintSubmission s = submitted.submission();
        Instant now = clock.instant();
        Complaint c = new Complaint();
        c.id = UUID.randomUUID();
        c.receivedAt = s.receivedAt() != null ? s.receivedAt().toInstant() : now;
        c.number = numbers.next(c.receivedAt);
        c.channel = Channel.valueOf(s.channel());
        c.channelRef = s.channelRef();
        c.idempotencyKey = submitted.idempotencyKey();
        c.type = ComplaintType.valueOf(s.typeOrDefault());
        c.status = s.firstContactResolution() ? ComplaintStatus.RESOLVED_FIRST_CONTACT : ComplaintStatus.RECEIVED;
        c.statusChangedAt = c.receivedAt;
        c.customerPhone = s.customer().phone();
        c.category = s.category();
        c.promisedReplyBy = promises.current().promisedReplyBy(c.receivedAt,
                s.referral() == null ? null : s.referral().dueBy());
        c.submission = submitted.json();
        c.addTo(rows);
        traces.run("store complaint", SpanKind.INTERNAL, submitted.traceparent(),
                Map.of("complaint.id", c.id.toString(), "complaint.number", c.number),
                () -> outbox.add(ComplaintReceived.TOPIC, c.id.toString(), ComplaintReceived.TYPE, event(c, s)));
        return new Outcome(accepted(c), true);
    }

    private Optional<Complaint> find(Submitted s) {
        Optional<Complaint> byKey = s.idempotencyKey() == null ? Optional.empty()
                : Complaint.byIdempotencyKey(s.idempotencyKey());
        ComplaintSubmission submission = s.submission();
        return byKey.or(() -> Complaint.byChannelRef(Channel.valueOf(submission.channel()), submission.channelRef()));
    }

    private Outcome replay(Complaint earlier, Submitted retry) {
        if (!sameJson(earlier.submission, retry.json())) {
            throw new StateConflictException("Complaint " + earlier.number
                    + " was submitted under this channelRef or Idempotency-Key with a different body.");
        }
        return new Outcome(accepted(earlier), false);
    }

    /** Compared as JSON: the database keeps the stored submission as jsonb, in its own key order. */
    private boolean sameJson(String stored, String sent) {
        try {
            return mapper.readTree(stored).equals(mapper.readTree(sent));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored submission is not JSON", e);
        }
    }

    private ComplaintReceived event(Complaint c, ComplaintSubmission s) {
        return new ComplaintReceived(c.id, c.number, c.status.name(), c.channel.name(), c.channelRef, c.type.name(),
                zone.show(c.receivedAt), zone.show(c.promisedReplyBy), s.customer(), s.serviceNumber(), s.area(),
                s.category(), s.subject(), s.description(), s.occurredAt(), s.demands(), s.evidence(),
                s.firstResponder(), s.firstContactResolution(), s.resolution(), s.referral());
    }

    private AcceptedComplaint accepted(Complaint c) {
        return new AcceptedComplaint(c.id, c.number, c.status, zone.show(c.receivedAt), zone.show(c.promisedReplyBy));
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
