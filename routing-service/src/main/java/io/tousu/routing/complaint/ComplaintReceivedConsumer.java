package io.tousu.routing.complaint;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tousu.platform.inbox.Inbox;
import io.tousu.platform.messaging.IncomingEvent;
import io.tousu.routing.workorder.Dispatcher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Dispatches every complaint intake accepts; a redelivered event changes nothing. */
@ApplicationScoped
public class ComplaintReceivedConsumer {
    static final String CHANNEL = "complaints-received";

    private final Inbox inbox;
    private final Dispatcher dispatcher;
    private final ObjectMapper mapper;

    public ComplaintReceivedConsumer(Inbox inbox, Dispatcher dispatcher, ObjectMapper mapper) {
        this.inbox = inbox;
        this.dispatcher = dispatcher;
        this.mapper = mapper;
    }

    @Incoming(CHANNEL)
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (event.is(ReceivedComplaint.TYPE) && inbox.firstDelivery(CHANNEL, event.id())) {
            dispatcher.dispatch(event.data(ReceivedComplaint.class, mapper));
        }
    }
}
