package io.tousu.reporting.inbound;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.tousu.platform.inbox.EventInbox;
import io.tousu.reporting.facts.ComplaintFacts;
import io.tousu.reporting.facts.DispatchedWorkOrder;
import io.tousu.reporting.facts.ReceivedComplaint;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads the topics into the read models, a polled batch per transaction; each event counts once, however often it is delivered. */
@ApplicationScoped
public class ComplaintTopicsConsumer {
    private final EventInbox inbox;
    private final ComplaintFacts facts;

    public ComplaintTopicsConsumer(EventInbox inbox, ComplaintFacts facts) {
        this.inbox = inbox;
        this.facts = facts;
    }

    @Incoming("complaints-received")
    @Blocking
    public void received(ConsumerRecords<String, String> records) {
        inbox.consume("complaints-received", records, ReceivedComplaint.TYPE, ReceivedComplaint.class, facts::received);
    }

    @Incoming("complaints-routing")
    @Blocking
    public void routing(ConsumerRecords<String, String> records) {
        inbox.consume("complaints-routing", records, DispatchedWorkOrder.TYPE, DispatchedWorkOrder.class, facts::dispatched);
    }

    /**
     * Follow-up events will feed satisfaction and closure KPIs; until then the topic is only
     * followed: records that are not CloudEvents are dead-lettered, and nothing is stored.
     */
    @Incoming("complaints-followup")
    @Blocking
    public void followup(ConsumerRecords<String, String> records) {
        inbox.consume("complaints-followup", records, event -> false, event -> { });
    }
}
