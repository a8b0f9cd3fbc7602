package io.tousu.routing.complaint;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.tousu.platform.inbox.Inbox;
import io.tousu.platform.messaging.BatchRunner;
import io.tousu.platform.messaging.IncomingEvent;
import io.tousu.platform.messaging.PoisonMessageException;
import io.tousu.routing.routing.Dispatcher;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Dispatches the complaints intake accepts, a polled batch per transaction: the work orders,
 * their outbox rows and the inbox entries of the batch commit together, and only then are the
 * offsets committed. A crash mid-batch leaves nothing behind; the redelivered batch finds its
 * events in the inbox if it had committed, so every complaint gets exactly one work order.
 */
@ApplicationScoped
public class ComplaintReceivedConsumer {
    static final String CHANNEL = "complaints-received";

    private final Inbox inbox;
    private final Dispatcher dispatcher;
    private final BatchRunner batches;
    private final ObjectMapper mapper;

    public ComplaintReceivedConsumer(Inbox inbox, Dispatcher dispatcher, BatchRunner batches, ObjectMapper mapper) {
        this.inbox = inbox;
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
        Set<String> firstTime = inbox.firstDeliveries(CHANNEL, deliveries.stream().map(d -> d.event().id()).toList());
        List<Dispatcher.Received> fresh = new ArrayList<>(deliveries.size());
        for (Delivery d : deliveries) {
            // remove: a copy of the same event later in the batch is a redelivery too
            if (firstTime.remove(d.event().id())) {
                fresh.add(new Dispatcher.Received(d.complaint(), d.event().data()));
            }
        }
        dispatcher.dispatchAll(fresh);
    }
}
