package io.tousu.intake.inbound;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.tousu.intake.timeline.TimelineRules;
import io.tousu.intake.timeline.TimelineUpdater;
import io.tousu.platform.inbox.EventInbox;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps status and timeline up to date from what routing and followup publish, a polled batch per transaction. */
@ApplicationScoped
public class RoutingAndFollowupConsumer {
    private final EventInbox inbox;
    private final TimelineUpdater timeline;

    public RoutingAndFollowupConsumer(EventInbox inbox, TimelineUpdater timeline) {
        this.inbox = inbox;
        this.timeline = timeline;
    }

    @Incoming("complaints-routing")
    @Blocking
    public void routing(ConsumerRecords<String, String> records) {
        inbox.consume("complaints-routing", records, TimelineRules::shows, timeline::apply);
    }

    @Incoming("complaints-followup")
    @Blocking
    public void followup(ConsumerRecords<String, String> records) {
        inbox.consume("complaints-followup", records, TimelineRules::shows, timeline::apply);
    }
}
