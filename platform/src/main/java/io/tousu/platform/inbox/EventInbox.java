package io.tousu.platform.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tousu.platform.messaging.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.function.Consumer;

/**
 * The idempotent consumer in one call: reads the record as a CloudEvent, and hands its data to
 * {@code handler} only if it is of the wanted type and this consumer has not processed it yet.
 * Runs in the caller's transaction, so the inbox entry and the handler's change commit together.
 */
@ApplicationScoped
public class EventInbox {
    private final Inbox inbox;
    private final ObjectMapper mapper;

    public EventInbox(Inbox inbox, ObjectMapper mapper) {
        this.inbox = inbox;
        this.mapper = mapper;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public <T> void once(String consumer, ConsumerRecord<String, String> record, String type, Class<T> dataType,
                         Consumer<T> handler) {
        once(consumer, record, event -> {
            if (event.is(type)) {
                handler.accept(event.data(dataType, mapper));
            }
        });
    }

    /** Hands every event, whatever its type, to {@code handler} once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void once(String consumer, ConsumerRecord<String, String> record, Consumer<IncomingEvent> handler) {
        IncomingEvent event = IncomingEvent.of(record);
        if (inbox.firstDelivery(consumer, event.id())) {
            handler.accept(event);
        }
    }
}
