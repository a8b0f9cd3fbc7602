package io.tousu.intake.inbound;

import io.tousu.intake.timeline.TimelineUpdater;
import io.tousu.platform.inbox.EventInbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps status and timeline up to date from what routing and followup publish. */
@ApplicationScoped
public class RoutingAndFollowupConsumer {
    private final EventInbox inbox;
    private final TimelineUpdater timeline;

    public RoutingAndFollowupConsumer(EventInbox inbox, TimelineUpdater timeline) {
        this.inbox = inbox;
        this.timeline = timeline;
    }

    @Incoming("complaints-routing")
    @Transactional
    public void routing(ConsumerRecord<String, String> record) {
        inbox.once("complaints-routing", record, timeline::apply);
    }

    @Incoming("complaints-followup")
    @Transactional
    public void followup(ConsumerRecord<String, String> record) {
        inbox.once("complaints-followup", record, timeline::apply);
    }
}
