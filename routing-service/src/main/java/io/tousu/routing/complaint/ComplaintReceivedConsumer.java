package io.tousu.routing.complaint;

import io.tousu.platform.inbox.EventInbox;
import io.tousu.routing.workorder.Dispatcher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Dispatches every complaint intake accepts; a redelivered event changes nothing. */
@ApplicationScoped
public class ComplaintReceivedConsumer {
    static final String CHANNEL = "complaints-received";

    private final EventInbox inbox;
    private final Dispatcher dispatcher;

    public ComplaintReceivedConsumer(EventInbox inbox, Dispatcher dispatcher) {
        this.inbox = inbox;
        this.dispatcher = dispatcher;
    }

    @Incoming(CHANNEL)
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        inbox.once(CHANNEL, record, ReceivedComplaint.TYPE, ReceivedComplaint.class, dispatcher::dispatch);
    }
}
