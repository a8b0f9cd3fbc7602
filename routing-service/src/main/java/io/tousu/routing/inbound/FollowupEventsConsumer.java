package io.tousu.routing.inbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.tousu.platform.inbox.EventInbox;
import io.tousu.platform.messaging.IncomingEvent;
import io.tousu.platform.messaging.PoisonMessageException;
import io.tousu.routing.dispatch.WorkOrderHandling;
import io.tousu.routing.escalation.Escalations;
import io.tousu.routing.escalation.FollowupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reopenings, escalation requests and withdrawals from followup; other followup events are not routing's business. */
@ApplicationScoped
public class FollowupEventsConsumer {
    static final String CHANNEL = "complaints-followup";

    private final EventInbox inbox;
    private final Escalations escalations;
    private final WorkOrderHandling handling;
    private final ObjectMapper mapper;

    public FollowupEventsConsumer(EventInbox inbox, Escalations escalations, WorkOrderHandling handling,
                                  ObjectMapper mapper) {
        this.inbox = inbox;
        this.escalations = escalations;
        this.handling = handling;
        this.mapper = mapper;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void on(ConsumerRecords<String, String> records) {
        inbox.consume(CHANNEL, records,
                event -> event.is(FollowupEvent.COMPLAINT_REOPENED) || event.is(FollowupEvent.ESCALATION_REQUESTED)
                        || event.is(FollowupEvent.COMPLAINT_CLOSED),
                this::apply);
    }

    private void apply(IncomingEvent event) {
        FollowupEvent data = event.data(FollowupEvent.class, mapper);
        if (data.complaintId() == null) {
            throw new PoisonMessageException("event " + event.id() + " names no complaintId");
        }
        if (event.is(FollowupEvent.COMPLAINT_REOPENED)) {
            escalations.reopened(data);
        } else if (event.is(FollowupEvent.ESCALATION_REQUESTED)) {
            escalations.requested(data);
        } else if (FollowupEvent.WITHDRAWN.equals(data.reason())) {
            handling.withdrawn(data.complaintId(), data.reason());
        }
    }
}
