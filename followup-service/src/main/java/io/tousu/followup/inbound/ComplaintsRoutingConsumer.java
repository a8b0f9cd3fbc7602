package io.tousu.followup.inbound;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.tousu.followup.sla.DispatchedWorkOrder;
import io.tousu.followup.sla.SlaClocks;
import io.tousu.platform.inbox.EventInbox;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Routing's events drive the clocks: a dispatch opens the reply clock. A polled batch per transaction. */
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
    @Blocking
    public void on(ConsumerRecords<String, String> records) {
        inbox.consume(CHANNEL, records, DispatchedWorkOrder.TYPE, DispatchedWorkOrder.class, clocks::onDispatched);
    }
}
