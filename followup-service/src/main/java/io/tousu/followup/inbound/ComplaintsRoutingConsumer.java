package io.tousu.followup.inbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.tousu.followup.complaint.DepartmentResult;
import io.tousu.followup.complaint.DispatchedWorkOrder;
import io.tousu.followup.complaint.FollowedComplaints;
import io.tousu.followup.complaint.RoutingMilestone;
import io.tousu.followup.sla.Milestone;
import io.tousu.followup.sla.SlaClocks;
import io.tousu.platform.inbox.EventInbox;
import io.tousu.platform.messaging.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Set;

/**
 * Routing's events drive the loop, a polled batch per transaction: a dispatch, a sign-for (签收),
 * a return (退单) and a department's result are milestones of the complaint's clocks.
 */
@ApplicationScoped
public class ComplaintsRoutingConsumer {
    static final String CHANNEL = "complaints-routing";
    private static final Set<String> READ = Set.of(DispatchedWorkOrder.TYPE, DepartmentResult.TYPE,
            RoutingMilestone.ACCEPTED, RoutingMilestone.RETURNED);

    private final EventInbox inbox;
    private final FollowedComplaints complaints;
    private final SlaClocks clocks;
    private final ObjectMapper mapper;

    public ComplaintsRoutingConsumer(EventInbox inbox, FollowedComplaints complaints, SlaClocks clocks,
                                     ObjectMapper mapper) {
        this.inbox = inbox;
        this.complaints = complaints;
        this.clocks = clocks;
        this.mapper = mapper;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void on(ConsumerRecords<String, String> records) {
        inbox.consume(CHANNEL, records, e -> READ.contains(e.typeName()), this::apply, clocks::publishChanged);
    }

    private void apply(IncomingEvent event) {
        switch (event.typeName()) {
            case DispatchedWorkOrder.TYPE -> complaints.dispatched(event.data(DispatchedWorkOrder.class, mapper));
            case DepartmentResult.TYPE -> complaints.resultIn(event.data(DepartmentResult.class, mapper));
            case RoutingMilestone.ACCEPTED -> complaints.routed(event.data(RoutingMilestone.class, mapper), Milestone.SIGN_FOR);
            default -> complaints.routed(event.data(RoutingMilestone.class, mapper), Milestone.RETURN);
        }
    }
}
