package io.tousu.intake.inbound;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.tousu.intake.complaint.Complaint;
import io.tousu.intake.timeline.TimelineRules;
import io.tousu.intake.timeline.TimelineUpdater;
import io.tousu.platform.inbox.EventInbox;
import io.tousu.platform.messaging.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;
import java.util.Map;
import java.util.UUID;

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
        inbox.consumeBatch("complaints-routing", records, TimelineRules::shows, new Batch());
    }

    @Incoming("complaints-followup")
    @Blocking
    public void followup(ConsumerRecords<String, String> records) {
        inbox.consumeBatch("complaints-followup", records, TimelineRules::shows, new Batch());
    }

    /** One batch: its complaints locked up front in one statement, then each event applied. */
    private final class Batch implements EventInbox.BatchHandler {
        private Map<UUID, Complaint> locked = Map.of();

        @Override
        public void begin(List<IncomingEvent> events) {
            locked = timeline.lock(events);
        }

        @Override
        public void handle(IncomingEvent event) {
            timeline.apply(event, locked);
        }
    }
}
