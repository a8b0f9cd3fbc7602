package io.tousu.reporting.inbound;

import io.tousu.platform.inbox.EventInbox;
import io.tousu.platform.messaging.IncomingEvent;
import io.tousu.reporting.facts.ComplaintFacts;
import io.tousu.reporting.facts.DispatchedWorkOrder;
import io.tousu.reporting.facts.ReceivedComplaint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads every topic into the read models; each event counts once, however often it is delivered. */
@ApplicationScoped
public class ComplaintTopicsConsumer {
    private final EventInbox inbox;
    private final ComplaintFacts facts;

    public ComplaintTopicsConsumer(EventInbox inbox, ComplaintFacts facts) {
        this.inbox = inbox;
        this.facts = facts;
    }

    @Incoming("complaints-received")
    @Transactional
    public void received(ConsumerRecord<String, String> record) {
        inbox.once("complaints-received", record, ReceivedComplaint.TYPE, ReceivedComplaint.class, facts::received);
    }

    @Incoming("complaints-routing")
    @Transactional
    public void routing(ConsumerRecord<String, String> record) {
        inbox.once("complaints-routing", record, DispatchedWorkOrder.TYPE, DispatchedWorkOrder.class, facts::dispatched);
    }

    /** Follow-up events will feed satisfaction and closure KPIs; until then the topic is only followed. */
    @Incoming("complaints-followup")
    public void followup(ConsumerRecord<String, String> record) {
        IncomingEvent.of(record);
    }
}
