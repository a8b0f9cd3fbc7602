package io.tousu.routing.inbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.tousu.platform.messaging.BatchRunner;
import io.tousu.platform.messaging.IncomingEvent;
import io.tousu.platform.messaging.PoisonMessageException;
import io.tousu.platform.tracing.Traces;
import io.tousu.routing.complaint.ReceivedComplaint;
import io.tousu.routing.dispatch.Dispatcher;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.ArrayList;
import java.util.List;

/**
 * Dispatches the complaints intake accepts, a polled batch per transaction: the batch's routed
 * complaints, work orders and outbox rows commit together, and only then are the offsets
 * committed. A crash mid-batch leaves nothing behind; a redelivered batch finds its complaints
 * already routed (the complaint id is the idempotency key, stronger than the event id), so every
 * complaint gets exactly one work order.
 */
@ApplicationScoped
public class ComplaintReceivedConsumer {
    static final String CHANNEL = "complaints-received";

    private final Dispatcher dispatcher;
    private final BatchRunner batches;
    private final ObjectMapper mapper;

    public ComplaintReceivedConsumer(Dispatcher dispatcher, BatchRunner batches, ObjectMapper mapper) {
        this.dispatcher = dispatcher;
        this.batches = batches;
        this.mapper = mapper;
    }

    record Delivery(ConsumerRecord<String, String> record, IncomingEvent event, ReceivedComplaint complaint) {
    }

    @Incoming(CHANNEL)
    @Blocking
    public void on(ConsumerRecords<String, String> records) {
        List<Delivery> deliveries = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            try {
                read(record, deliveries);
            } catch (PoisonMessageException e) {
                batches.deadLetter(record, e);
            }
        }
        batches.run(deliveries, Delivery::record, this::dispatch);
    }

    private void read(ConsumerRecord<String, String> record, List<Delivery> into) {
        IncomingEvent event = IncomingEvent.of(record);
        if (!event.is(ReceivedComplaint.TYPE)) {
            return;
        }
        ReceivedComplaint complaint = event.data(ReceivedComplaint.class, mapper);
        if (complaint.complaintId() == null || complaint.number() == null || complaint.receivedAt() == null) {
            throw new PoisonMessageException("event " + event.id() + " lacks complaintId, number or receivedAt");
        }
        into.add(new Delivery(record, event, complaint));
    }

    private void dispatch(List<Delivery> deliveries) {
        dispatcher.dispatchAll(deliveries.stream()
                .map(d -> new Dispatcher.Received(d.complaint(), d.event().data(),
                        IncomingEvent.header(d.record(), Traces.HEADER))).toList());
    }
}
