package io.tousu.reporting.facts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tousu.platform.inbox.Inbox;
import io.tousu.platform.messaging.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads every topic into the read models; each event counts once, however often it is delivered. */
@ApplicationScoped
public class EventsConsumer {
    private final Inbox inbox;
    private final ComplaintFacts facts;
    private final ObjectMapper mapper;

    public EventsConsumer(Inbox inbox, ComplaintFacts facts, ObjectMapper mapper) {
        this.inbox = inbox;
        this.facts = facts;
        this.mapper = mapper;
    }

    @Incoming("complaints-received")
    @Transactional
    public void received(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (event.is(ReceivedComplaint.TYPE) && inbox.firstDelivery("complaints-received", event.id())) {
            facts.received(event.data(ReceivedComplaint.class, mapper));
        }
    }

    @Incoming("complaints-routing")
    @Transactional
    public void routing(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (event.is(DispatchedWorkOrder.TYPE) && inbox.firstDelivery("complaints-routing", event.id())) {
            facts.dispatched(event.data(DispatchedWorkOrder.class, mapper));
        }
    }

    /** Follow-up events feed satisfaction and closure KPIs; none is read yet, but the topic is followed. */
    @Incoming("complaints-followup")
    public void followup(ConsumerRecord<String, String> record) {
        IncomingEvent.of(record);
    }
}
