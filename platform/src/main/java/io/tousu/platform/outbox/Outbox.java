package io.tousu.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tousu.platform.jdbc.BatchInsert;
import io.tousu.platform.tracing.Traces;
import io.tousu.platform.tx.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.UUID;

/**
 * Records an event to publish, inside the caller's transaction: the event reaches Kafka if and
 * only if the business change commits. {@link OutboxRelay} does the sending, under the trace of
 * the span current when the event was added.
 *
 * <p>A transaction's events are gathered and inserted just before it commits, in one JDBC batch,
 * in the order they were added: a batch of hundreds of complaints adds hundreds of events, and
 * managing each as an entity cost more than storing it. The database numbers them from
 * {@code outbox_message_seq} in that order, which is the order the relay publishes them in.
 */
@ApplicationScoped
public class Outbox {
    private static final String PENDING = Outbox.class.getName() + ".pending";
    private static final String[] COLUMNS =
            {"event_id", "topic", "message_key", "event_type", "subject", "occurred_at", "payload", "traceparent"};

    private final ObjectMapper mapper;
    private final Clock clock;
    private final DataSource dataSource;
    private final AfterCommit afterCommit;
    private final OutboxSignal signal;

    public Outbox(ObjectMapper mapper, Clock clock, DataSource dataSource, AfterCommit afterCommit,
                  OutboxSignal signal) {
        this.mapper = mapper;
        this.clock = clock;
        this.dataSource = dataSource;
        this.afterCommit = afterCommit;
        this.signal = signal;
    }

    /**
     * @param topic   Kafka topic
     * @param subject the complaint id: CloudEvent subject and Kafka key, so one complaint's
     *                events stay in one partition, in order
     * @param type    versioned event type, e.g. {@code ComplaintReceived.v1}
     * @param data    the event body, serialised as JSON
     * @return the event id ({@code ce_id})
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID add(String topic, String subject, String type, Object data) {
        String payload;
        try {
            payload = mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + type + " cannot be serialised", e);
        }
        UUID eventId = UUID.randomUUID();
        pending().row(eventId, topic, subject, type, subject, clock.instant(), payload, Traces.current());
        return eventId;
    }

    /** This transaction's events, written before it commits; the relay is woken once it has. */
    private BatchInsert pending() {
        return afterCommit.collect(PENDING, () -> new BatchInsert("outbox_message", COLUMNS),
                events -> events.writeTo(dataSource), events -> signal.raise());
    }
}
