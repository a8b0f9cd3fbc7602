package io.tousu.followup.inbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.tousu.followup.complaint.DepartmentResult;
import io.tousu.followup.complaint.FollowedComplaints;
import io.tousu.followup.sla.DispatchedWorkOrder;
import io.tousu.followup.sla.SlaClocks;
import io.tousu.platform.inbox.EventInbox;
import io.tousu.platform.messaging.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Routing's events drive the loop, a polled batch per transaction: a dispatch opens the reply
 * clock and starts following the complaint; a department's result makes the reply due.
 */
@ApplicationScoped
public class ComplaintsRoutingConsumer {
    static final String CHANNEL = "complaints-routing";

    private final EventInbox inbox;
    private final SlaClocks clocks;
    private final FollowedComplaints complaints;
    private final ObjectMapper mapper;

    public ComplaintsRoutingConsumer(EventInbox inbox, SlaClocks clocks, FollowedComplaints complaints,
                                     ObjectMapper mapper) {
        this.inbox = inbox;
        this.clocks = clocks;
        this.complaints = complaints;
        this.mapper = mapper;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void on(ConsumerRecords<String, String> records) {
        inbox.consume(CHANNEL, records, e -> e.is(DispatchedWorkOrder.TYPE) || e.is(DepartmentResult.TYPE), this::apply);
    }

    private void apply(IncomingEvent event) {
        if (event.is(DispatchedWorkOrder.TYPE)) {
            DispatchedWorkOrder dispatched = event.data(DispatchedWorkOrder.class, mapper);
            clocks.onDispatched(dispatched);
            complaints.dispatched(dispatched);
        } else {
            complaints.resultIn(event.data(DepartmentResult.class, mapper));
        }
    }
}
