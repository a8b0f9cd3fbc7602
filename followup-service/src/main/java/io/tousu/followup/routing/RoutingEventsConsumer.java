package io.tousu.followup.routing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tousu.followup.sla.SlaClocks;
import io.tousu.platform.inbox.Inbox;
import io.tousu.platform.messaging.IncomingEvent;
import io.tousu.platform.messaging.PoisonMessageException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Routing's events drive the clocks: a dispatch opens the reply clock. */
@ApplicationScoped
public class RoutingEventsConsumer {
    static final String CHANNEL = "complaints-routing";

    private final Inbox inbox;
    private final SlaClocks clocks;
    private final ObjectMapper mapper;

    public RoutingEventsConsumer(Inbox inbox, SlaClocks clocks, ObjectMapper mapper) {
        this.inbox = inbox;
        this.clocks = clocks;
        this.mapper = mapper;
    }

    @Incoming(CHANNEL)
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (event.is(DispatchedWorkOrder.TYPE) && inbox.firstDelivery(CHANNEL, event.id())) {
            DispatchedWorkOrder dispatched = event.data(DispatchedWorkOrder.class, mapper);
            if (dispatched.complaintId() == null) {
                throw new PoisonMessageException("dispatch event " + event.id() + " names no complaint");
            }
            clocks.onDispatched(dispatched);
        }
    }
}
