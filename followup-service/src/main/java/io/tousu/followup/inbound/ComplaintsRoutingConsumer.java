package io.tousu.followup.inbound;

import io.tousu.followup.sla.DispatchedWorkOrder;
import io.tousu.followup.sla.SlaClocks;
import io.tousu.platform.inbox.EventInbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Routing's events drive the clocks: a dispatch opens the reply clock. */
@ApplicationScoped
public class ComplaintsRoutingConsumer {
    static final String CHANNEL = "complaints-routing";

    private final EventInbox inbox;
    private final SlaClocks clocks;

    public ComplaintsRoutingConsumer(EventInbox inbox, SlaClocks clocks) {
        this.inbox = inbox;
        this.clocks = clocks;
    }

    @Incoming(CHANNEL)
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        inbox.once(CHANNEL, record, DispatchedWorkOrder.TYPE, DispatchedWorkOrder.class, clocks::onDispatched);
    }
}
