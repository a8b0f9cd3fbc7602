package io.tousu.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tousu.platform.tx.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.UUID;

/**
 * Records an event to publish, inside the caller's transaction: the event reaches Kafka if and
 * only if the business change commits. {@link OutboxRelay} does the sending.
 */
@ApplicationScoped
public class Outbox {
    private static final String SIGNAL_REGISTERED = Outbox.class.getName() + ".signal";

    private final ObjectMapper mapper;
    private final Clock clock;
    private final AfterCommit afterCommit;
    private final OutboxSignal signal;

    public Outbox(ObjectMapper mapper, Clock clock, AfterCommit afterCommit, OutboxSignal signal) {
        this.mapper = mapper;
        this.clock = clock;
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
        OutboxMessage message = new OutboxMessage();
        message.eventId = UUID.randomUUID();
        message.topic = topic;
        message.key = subject;
        message.subject = subject;
        message.type = type;
        message.occurredAt = clock.instant();
        try {
            message.payload = mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + type + " cannot be serialised", e);
        }
        message.persist();
        wakeRelayAfterCommit();
        return message.eventId;
    }

    private void wakeRelayAfterCommit() {
        afterCommit.runOnce(SIGNAL_REGISTERED, signal::raise);
    }
}
