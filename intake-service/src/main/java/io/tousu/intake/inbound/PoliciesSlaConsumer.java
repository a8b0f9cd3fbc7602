package io.tousu.intake.inbound;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.tousu.intake.promise.PromisePolicies;
import io.tousu.intake.promise.PublishedPolicy;
import io.tousu.platform.inbox.EventInbox;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Learns followup's SLA pack from {@code policies.sla}. */
@ApplicationScoped
public class PoliciesSlaConsumer {
    static final String CHANNEL = "policies-sla";

    private final EventInbox inbox;
    private final PromisePolicies policies;

    public PoliciesSlaConsumer(EventInbox inbox, PromisePolicies policies) {
        this.inbox = inbox;
        this.policies = policies;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void on(ConsumerRecords<String, String> records) {
        inbox.consume(CHANNEL, records, PublishedPolicy.TYPE, PublishedPolicy.class, policies::store);
    }
}
