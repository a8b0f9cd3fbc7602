package io.tousu.intake.inbound;

import io.tousu.intake.promise.PromisePolicies;
import io.tousu.intake.promise.PublishedPolicy;
import io.tousu.platform.inbox.EventInbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        inbox.once(CHANNEL, record, PublishedPolicy.TYPE, PublishedPolicy.class, policies::store);
    }
}
