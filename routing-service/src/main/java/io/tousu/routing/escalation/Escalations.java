package io.tousu.routing.escalation;

import io.tousu.platform.outbox.Outbox;
import io.tousu.routing.complaint.RoutedComplaints;
import io.tousu.routing.events.RoutingEvents;
import io.tousu.routing.workorder.RoutingDecision;
import io.tousu.routing.workorder.WorkOrder;
import io.tousu.routing.workorder.WorkOrderStatus;
import io.tousu.routing.workorder.WorkOrders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Moves complaints up the ladder when followup asks. A complaint still being handled keeps its
 * work order, raised to the new level and sent to the department again; a handled one (the
 * customer reopened it) gets a new work order at the department that last handled it.
 */
@ApplicationScoped
public class Escalations {
    static final String REOPENED = "REOPENED";
    static final String REQUESTED = "REQUESTED";

    private final RoutedComplaints complaints;
    private final WorkOrders workOrders;
    private final Outbox outbox;
    private final Clock clock;

    public Escalations(RoutedComplaints complaints, WorkOrders workOrders, Outbox outbox, Clock clock) {
        this.complaints = complaints;
        this.workOrders = workOrders;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void reopened(FollowupEvent event) {
        Optional<RoutedComplaints.Routed> found = complaints.lock(event.complaintId());
        if (found.isEmpty()) {
            return; // not routed here (another deployment's complaint, or a test's): nothing to send back
        }
        RoutedComplaints.Routed routed = found.get();
        routed.row().reopenCount++;
        Optional<WorkOrder> last = lastHandled(event);
        int current = last.map(o -> o.escalationLevel).orElse(EscalationLadder.FRONT_LINE);
        escalate(routed, last, EscalationLadder.afterReopen(current, routed.row().reopenCount), REOPENED,
                event.reason());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void requested(FollowupEvent event) {
        Optional<RoutedComplaints.Routed> found = complaints.lock(event.complaintId());
        if (found.isEmpty()) {
            return; // not routed here: no level to take it over
        }
        RoutedComplaints.Routed routed = found.get();
        Optional<WorkOrder> last = lastHandled(event);
        int current = last.map(o -> o.escalationLevel).orElse(EscalationLadder.FRONT_LINE);
        escalate(routed, last, EscalationLadder.requested(current, EscalationLadder.parse(event.level())), REQUESTED,
                event.reason());
    }

    private void escalate(RoutedComplaints.Routed routed, Optional<WorkOrder> last, int level, String trigger,
                          String reason) {
        if (last.isEmpty()) {
            return; // nothing was ever dispatched (settled on first contact, or only linked to an incident)
        }
        WorkOrder previous = last.get();
        Instant now = clock.instant();
        int from = previous.escalationLevel;
        WorkOrder order;
        if (previous.isActive()) {
            if (level == from) {
                return;
            }
            previous.escalateTo(level, now);
            workOrders.send(previous, routed.event());
            order = previous;
        } else {
            order = workOrders.dispatch(routed.row(), routed.event(), again(previous, level, trigger), previous.incidentId,
                    null);
        }
        if (level > from) {
            outbox.add(RoutingEvents.TOPIC, order.complaintId.toString(), RoutingEvents.ComplaintEscalated.TYPE,
                    new RoutingEvents.ComplaintEscalated(order.complaintId, order.id, order.department, from, level,
                            trigger, reason, now));
        }
    }

    /** The same department and rule as last time, at the new level, at least HIGH: the customer is waiting again. */
    private static RoutingDecision again(WorkOrder previous, int level, String trigger) {
        return new RoutingDecision(previous.department, previous.priority, previous.priorityReasons,
                previous.escalationLevel, previous.ruleId, previous.ruleVersion).raisedFor(trigger, level);
    }

    /**
     * The newest of the complaint's own orders that was not handed on (returned, transferred,
     * merged) and is no helping order: the one handling, or last to handle, the complaint.
     */
    private static Optional<WorkOrder> lastHandled(FollowupEvent event) {
        return WorkOrder.find("complaintId = ?1 and status not in ?2 and assists is null order by createdAt desc",
                event.complaintId(), List.of(WorkOrderStatus.RETURNED, WorkOrderStatus.TRANSFERRED, WorkOrderStatus.MERGED))
                .firstResultOptional();
    }
}
