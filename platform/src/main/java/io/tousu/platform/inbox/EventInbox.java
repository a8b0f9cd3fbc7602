package io.tousu.platform.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.SpanKind;
import io.tousu.platform.messaging.BatchRunner;
import io.tousu.platform.messaging.IncomingEvent;
import io.tousu.platform.messaging.PoisonMessageException;
import io.tousu.platform.tracing.Traces;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The idempotent batch consumer in one call: reads a polled batch as CloudEvents, keeps the ones
 * the consumer wants, and in one transaction records them in the inbox and hands each event not
 * processed before to the handler, so the inbox entries and the handler's changes commit
 * together. Unreadable records are dead-lettered; a record whose handling fails for good is
 * dead-lettered alone while the rest of the batch commits ({@link BatchRunner}).
 */
@ApplicationScoped
public class EventInbox {
    private final Inbox inbox;
    private final BatchRunner batches;
    private final ObjectMapper mapper;
    private final Traces traces;

    public EventInbox(Inbox inbox, BatchRunner batches, ObjectMapper mapper, Traces traces) {
        this.inbox = inbox;
        this.batches = batches;
        this.mapper = mapper;
        this.traces = traces;
    }

    private record Delivery(ConsumerRecord<String, String> record, IncomingEvent event) {
    }

    /** Each event in a span of its own, under the trace its record carries. */
    private void handle(String consumer, Delivery d, Consumer<IncomingEvent> handler) {
        ConsumerRecord<String, String> record = d.record();
        traces.run("process " + record.topic(), SpanKind.CONSUMER, IncomingEvent.header(record, Traces.HEADER),
                Map.of("messaging.system", "kafka", "messaging.destination.name", record.topic(),
                        "messaging.consumer.group.name", consumer, "messaging.message.id", d.event().id(),
                        "cloudevents.event_type", d.event().type()),
                () -> handler.accept(d.event()));
    }

    /** Hands the data of each new event of type {@code type} to {@code handler}. */
    public <T> void consume(String consumer, ConsumerRecords<String, String> records, String type, Class<T> dataType,
                            Consumer<T> handler) {
        consume(consumer, records, event -> event.is(type), event -> handler.accept(event.data(dataType, mapper)));
    }

    /** Hands each new event that {@code wanted} accepts to {@code handler}; others are not recorded. */
    public void consume(String consumer, ConsumerRecords<String, String> records, Predicate<IncomingEvent> wanted,
                        Consumer<IncomingEvent> handler) {
        consumeBatch(consumer, records, wanted, handler::accept);
    }

    /**
     * A consumer's work on the batch of one transaction: {@link #begin} sees every new event of it
     * first (to load or lock what they touch in a few statements instead of a few per event), then
     * each is handled, then {@link #end} runs. A batch split after a failure begins again.
     */
    public interface BatchHandler {
        default void begin(List<IncomingEvent> events) {
        }

        void handle(IncomingEvent event);

        default void end() {
        }
    }

    /** Like {@link #consume(String, ConsumerRecords, Predicate, Consumer)}, with the batch's begin and end. */
    public void consumeBatch(String consumer, ConsumerRecords<String, String> records, Predicate<IncomingEvent> wanted,
                             BatchHandler handler) {
        List<Delivery> deliveries = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            try {
                IncomingEvent event = IncomingEvent.of(record);
                if (wanted.test(event)) {
                    deliveries.add(new Delivery(record, event));
                }
            } catch (PoisonMessageException e) {
                batches.deadLetter(record, e);
            }
        }
        batches.run(deliveries, Delivery::record, batch -> {
            Set<String> fresh = inbox.firstDeliveries(consumer, batch.stream().map(d -> d.event().id()).toList());
            List<Delivery> todo = new ArrayList<>(batch.size());
            for (Delivery d : batch) {
                // remove: an event delivered twice within one batch is handled once
                if (fresh.remove(d.event().id())) {
                    todo.add(d);
                }
            }
            handler.begin(todo.stream().map(Delivery::event).toList());
            for (Delivery d : todo) {
                handle(consumer, d, handler::handle);
            }
            handler.end();
        });
    }
}
