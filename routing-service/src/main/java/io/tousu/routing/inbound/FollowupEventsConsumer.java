package io.tousu.routing.inbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tousu.platform.inbox.EventInbox;
import io.tousu.platform.messaging.PoisonMessageException;
import io.tousu.routing.escalation.Escalations;
import io.tousu.routing.escalation.FollowupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reopen and escalation requests from followup; other followup events are not routing's business. */
@ApplicationScoped
public class FollowupEventsConsumer {
    static final String CHANNEL = "complaints-followup";

    private final EventInbox inbox;
    private final Escalations escalations;
    private final ObjectMapper mapper;

    public FollowupEventsConsumer(EventInbox inbox, Escalations escalations, ObjectMapper mapper) {
        this.inbox = inbox;
        this.escalations = escalations;
        this.mapper = mapper;
    }

    @Incoming(CHANNEL)
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        inbox.once(CHANNEL, record, event -> {
            boolean reopened = event.is(FollowupEvent.COMPLAINT_REOPENED);
            if (!reopened && !event.is(FollowupEvent.ESCALATION_REQUESTED)) {
                return;
            }
            FollowupEvent data = event.data(FollowupEvent.class, mapper);
            if (data.complaintId() == null) {
                throw new PoisonMessageException("event " + event.id() + " names no complaintId");
            }
            if (reopened) {
                escalations.reopened(data);
            } else {
                escalations.requested(data);
            }
        });
    }
}
