package io.tousu.followup.inbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.tousu.followup.adjust.ClockAdjustments;
import io.tousu.followup.adjust.DepartmentWait;
import io.tousu.followup.complaint.ComplaintState;
import io.tousu.followup.complaint.DepartmentResult;
import io.tousu.followup.complaint.DispatchedWorkOrder;
import io.tousu.followup.complaint.FollowedComplaints;
import io.tousu.followup.complaint.RoutingMilestone;
import io.tousu.followup.notification.IncidentAnswer;
import io.tousu.followup.notification.IncidentNotices;
import io.tousu.followup.sla.Milestone;
import io.tousu.followup.sla.SlaClocks;
import io.tousu.platform.inbox.EventInbox;
import io.tousu.platform.messaging.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Routing's events drive the loop, a polled batch per transaction: a dispatch, a sign-for (签收),
 * a return (退单) and a department's result are milestones of the complaint's clocks; an
 * incident's answer is told to the customer; a suspended order (挂起) pauses the clocks until it
 * is resumed. The batch's
 * complaints are locked, inserted (a dispatch read before its receipt) and loaded up front.
 */
@ApplicationScoped
public class ComplaintsRoutingConsumer {
    static final String CHANNEL = "complaints-routing";
    private static final Set<String> READ = Set.of(DispatchedWorkOrder.TYPE, DepartmentResult.TYPE,
            RoutingMilestone.ACCEPTED, RoutingMilestone.RETURNED, IncidentAnswer.TYPE, DepartmentWait.SUSPENDED,
            DepartmentWait.RESUMED);

    private final EventInbox inbox;
    private final FollowedComplaints complaints;
    private final SlaClocks clocks;
    private final IncidentNotices incidentNotices;
    private final ClockAdjustments adjustments;
    private final ObjectMapper mapper;

    public ComplaintsRoutingConsumer(EventInbox inbox, FollowedComplaints complaints, SlaClocks clocks,
                                     IncidentNotices incidentNotices, ClockAdjustments adjustments,
                                     ObjectMapper mapper) {
        this.inbox = inbox;
        this.complaints = complaints;
        this.clocks = clocks;
        this.incidentNotices = incidentNotices;
        this.adjustments = adjustments;
        this.mapper = mapper;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void on(ConsumerRecords<String, String> records) {
        inbox.consumeBatch(CHANNEL, records, e -> READ.contains(e.typeName()), new Batch());
    }

    private final class Batch implements EventInbox.BatchHandler {
        private final Map<String, Object> read = new HashMap<>();

        @Override
        public void begin(List<IncomingEvent> events) {
            read.clear();
            events.forEach(e -> read.put(e.id(), switch (e.typeName()) {
                case DispatchedWorkOrder.TYPE -> e.data(DispatchedWorkOrder.class, mapper);
                case DepartmentResult.TYPE -> e.data(DepartmentResult.class, mapper);
                case IncidentAnswer.TYPE -> e.data(IncidentAnswer.class, mapper);
                case DepartmentWait.SUSPENDED, DepartmentWait.RESUMED -> e.data(DepartmentWait.class, mapper);
                default -> e.data(RoutingMilestone.class, mapper);
            }));
            List<UUID> touched = read.values().stream().map(ComplaintsRoutingConsumer::complaintOf)
                    .filter(Objects::nonNull).toList();
            complaints.prepare(touched, read.values().stream()
                    .filter(o -> o instanceof DispatchedWorkOrder d && d.complaintId() != null)
                    .map(o -> (DispatchedWorkOrder) o)
                    .map(d -> new FollowedComplaints.Known(d.complaintId(), d.number(), ComplaintState.DISPATCHED))
                    .toList());
        }

        @Override
        public void handle(IncomingEvent event) {
            Object data = read.get(event.id());
            if (data instanceof DispatchedWorkOrder d) {
                complaints.dispatched(d);
            } else if (data instanceof DepartmentResult r) {
                complaints.resultIn(r);
            } else if (data instanceof IncidentAnswer a) {
                incidentNotices.resolved(a);
            } else if (data instanceof DepartmentWait w) {
                if (event.is(DepartmentWait.SUSPENDED)) {
                    adjustments.departmentWaits(w);
                } else {
                    adjustments.departmentResumes(w);
                }
            } else {
                complaints.routed((RoutingMilestone) data,
                        event.is(RoutingMilestone.ACCEPTED) ? Milestone.SIGN_FOR : Milestone.RETURN);
            }
        }

        @Override
        public void end() {
            clocks.publishChanged();
        }
    }

    private static UUID complaintOf(Object data) {
        if (data instanceof DispatchedWorkOrder d) {
            return d.complaintId();
        }
        if (data instanceof DepartmentResult r) {
            return r.complaintId();
        }
        if (data instanceof IncidentAnswer a) {
            return a.complaintId();
        }
        if (data instanceof DepartmentWait w) {
            return w.complaintId();
        }
        return ((RoutingMilestone) data).complaintId();
    }
}
