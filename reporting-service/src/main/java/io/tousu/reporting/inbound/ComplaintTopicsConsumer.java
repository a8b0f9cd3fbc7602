package io.tousu.reporting.inbound;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.tousu.platform.inbox.EventInbox;
import io.tousu.reporting.facts.ComplaintFacts;
import io.tousu.reporting.facts.ProjectionBatch;
import io.tousu.reporting.rollup.DailyRollups;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads every complaint topic into the read models, a polled batch per transaction; each event
 * counts once, however often it is delivered, in whatever order the topics deliver them.
 */
@ApplicationScoped
public class ComplaintTopicsConsumer {
    private final EventInbox inbox;
    private final ComplaintFacts facts;
    private final DailyRollups rollups;

    public ComplaintTopicsConsumer(EventInbox inbox, ComplaintFacts facts, DailyRollups rollups) {
        this.inbox = inbox;
        this.facts = facts;
        this.rollups = rollups;
    }

    @Incoming("complaints-received")
    @Blocking
    public void received(ConsumerRecords<String, String> records) {
        consume("complaints-received", records);
    }

    @Incoming("complaints-routing")
    @Blocking
    public void routing(ConsumerRecords<String, String> records) {
        consume("complaints-routing", records);
    }

    @Incoming("complaints-followup")
    @Blocking
    public void followup(ConsumerRecords<String, String> records) {
        consume("complaints-followup", records);
    }

    private void consume(String channel, ConsumerRecords<String, String> records) {
        inbox.consumeBatch(channel, records, e -> ComplaintFacts.READ.contains(e.typeName()),
                new ProjectionBatch(facts, rollups));
    }
}
