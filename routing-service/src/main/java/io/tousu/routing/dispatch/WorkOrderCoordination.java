package io.tousu.routing.dispatch;

import io.tousu.platform.outbox.Outbox;
import io.tousu.platform.problem.StateConflictException;
import io.tousu.routing.complaint.RoutedComplaints;
import io.tousu.routing.events.RoutingEvents;
import io.tousu.routing.metrics.RoutingMetrics;
import io.tousu.routing.taxonomy.Department;
import io.tousu.routing.workorder.RoutingDecision;
import io.tousu.routing.workorder.WorkOrder;
import io.tousu.routing.workorder.WorkOrderInput;
import io.tousu.routing.workorder.WorkOrderStatus;
import io.tousu.routing.workorder.WorkOrders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The actions a centre uses daily on work orders besides the department's own answer: urge
 * (督办), co-handle (协办), transfer (转派), suspend and resume (挂起), merge (并单). Each locks
 * the order, publishes what happened on {@code complaints.routing} (intake's timeline, followup,
 * reporting) and tells the departments concerned on their topics; a state that forbids it is a
 * 409.
 */
@ApplicationScoped
public class WorkOrderCoordination {
    private final WorkOrders workOrders;
    private final RoutedComplaints complaints;
    private final Outbox outbox;
    private final RoutingMetrics metrics;
    private final Clock clock;

    public WorkOrderCoordination(WorkOrders workOrders, RoutedComplaints complaints, Outbox outbox,
                                 RoutingMetrics metrics, Clock clock) {
        this.workOrders = workOrders;
        this.complaints = complaints;
        this.outbox = outbox;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** 督办: at least HIGH from now on, the department sent the order again with the reason. */
    @Transactional
    public WorkOrder urge(UUID id, WorkOrderInput.Urge urge, String by) {
        WorkOrder order = WorkOrder.locked(id, o -> { });
        Instant now = clock.instant();
        order.urge(now);
        RoutingEvents.WorkOrderUrged event = new RoutingEvents.WorkOrderUrged(order.id, order.complaintId,
                order.department, urge.reason().strip(), urge.dueBy(), by, order.urgeCount, order.priority.name(), now);
        announce(order, RoutingEvents.WorkOrderUrged.TYPE, event);
        workOrders.send(order, routed(order).event());
        metrics.urged(order.department);
        return order;
    }

    /**
     * 协办: a helping order for {@code department}, at the main order's level and priority; the main
     * order cannot be answered until the help has been given.
     */
    @Transactional
    public WorkOrder coHandle(UUID id, WorkOrderInput.ToDepartment request, Consumer<WorkOrder> guard) {
        WorkOrder main = WorkOrder.locked(id, guard);
        if (!main.isActive() || main.assists != null) {
            throw new StateConflictException("work order " + id + " is " + main.status
                    + (main.assists != null ? " and helps another order" : "") + ": it cannot ask for co-handling");
        }
        if (main.department.equals(request.department())) {
            throw new StateConflictException("work order " + id + " is " + request.department() + "'s own");
        }
        Instant now = clock.instant();
        RoutedComplaints.Routed routed = routed(main);
        WorkOrder helper = workOrders.assist(main, routed.row(), routed.event(), request.department());
        RoutingEvents.CoHandlingRequested event = new RoutingEvents.CoHandlingRequested(main.id, main.complaintId,
                main.department, helper.id, helper.department, request.reason().strip(), now);
        announce(main, RoutingEvents.CoHandlingRequested.TYPE, event);
        return helper;
    }

    /** 转派: the order closes as TRANSFERRED and a new one, at the same level, goes to {@code department}. */
    @Transactional
    public WorkOrder transfer(UUID id, WorkOrderInput.ToDepartment request) {
        WorkOrder order = WorkOrder.locked(id, o -> { });
        if (order.assists != null) {
            throw new StateConflictException("work order " + id + " helps another order: ask another department to co-handle instead");
        }
        if (order.department.equals(request.department())) {
            throw new StateConflictException("work order " + id + " is at " + request.department() + " already");
        }
        RoutedComplaints.Routed routed = routed(order);
        RoutingDecision decision = new RoutingDecision(request.department(), order.priority, order.priorityReasons,
                order.escalationLevel, order.ruleId, order.ruleVersion);
        Instant now = clock.instant();
        UUID next = UUID.randomUUID();
        order.handOver(WorkOrderStatus.TRANSFERRED, next, now);
        WorkOrder moved = workOrders.dispatch(routed.row(), routed.event(), decision, order.incidentId, order.id, next);
        RoutingEvents.WorkOrderTransferred event = new RoutingEvents.WorkOrderTransferred(order.id, order.complaintId,
                order.department, moved.department, moved.id, request.reason().strip(), now);
        announce(order, RoutingEvents.WorkOrderTransferred.TYPE, event);
        return moved;
    }

    /** 挂起: the order waits; followup pauses the complaint's pausable clocks until it is resumed. */
    @Transactional
    public WorkOrder suspend(UUID id, String reason, Consumer<WorkOrder> guard) {
        WorkOrder order = WorkOrder.locked(id, guard);
        Instant now = clock.instant();
        order.suspend(reason, now);
        RoutingEvents.WorkOrderSuspended event = new RoutingEvents.WorkOrderSuspended(order.id, order.complaintId,
                order.department, reason, now);
        announce(order, RoutingEvents.WorkOrderSuspended.TYPE, event);
        return order;
    }

    @Transactional
    public WorkOrder resume(UUID id, Consumer<WorkOrder> guard) {
        WorkOrder order = WorkOrder.locked(id, guard);
        Instant now = clock.instant();
        order.resume(now);
        RoutingEvents.WorkOrderResumed event = new RoutingEvents.WorkOrderResumed(order.id, order.complaintId,
                order.department, now);
        announce(order, RoutingEvents.WorkOrderResumed.TYPE, event);
        return order;
    }

    /**
     * 并单: the complaints are the same matter as the order's; their active orders close as MERGED,
     * and the order's answer will be published for each of them, so that each is still replied to
     * and called back. A complaint that has no active order (answered, withdrawn) or is the order's
     * own cannot be merged.
     */
    @Transactional
    public List<UUID> merge(UUID id, WorkOrderInput.Merge merge) {
        WorkOrder into = WorkOrder.locked(id, o -> { });
        if (!into.isActive() || into.assists != null) {
            throw new StateConflictException("work order " + id + " is " + into.status
                    + (into.assists != null ? " and helps another order" : "") + ": nothing can be merged into it");
        }
        Instant now = clock.instant();
        List<UUID> merged = new ArrayList<>();
        for (UUID complaintId : new LinkedHashSet<>(merge.complaintIds())) {
            if (complaintId.equals(into.complaintId)) {
                throw new StateConflictException("complaint " + complaintId + " is the order's own");
            }
            complaints.lock(complaintId).orElseThrow(() -> new NotFoundException("No routed complaint " + complaintId));
            List<WorkOrder> active = WorkOrder.activeOf(List.of(complaintId));
            if (active.isEmpty()) {
                throw new StateConflictException("complaint " + complaintId + " has no work order still open to merge");
            }
            RoutingEvents.ComplaintMerged event = new RoutingEvents.ComplaintMerged(complaintId, into.complaintId,
                    into.id, merge.reason().strip(), now);
            for (WorkOrder o : active) {
                WorkOrder locked = WorkOrder.locked(o.id, x -> { });
                locked.handOver(WorkOrderStatus.MERGED, into.id, now);
                outbox.add(Department.TOPIC_PREFIX + locked.department, complaintId.toString(),
                        RoutingEvents.ComplaintMerged.TYPE, event);
            }
            outbox.add(RoutingEvents.TOPIC, complaintId.toString(), RoutingEvents.ComplaintMerged.TYPE, event);
            merged.add(complaintId);
        }
        return merged;
    }

    private RoutedComplaints.Routed routed(WorkOrder order) {
        return complaints.lock(order.complaintId).orElseThrow(() -> new IllegalStateException("work order " + order.id
                + " names complaint " + order.complaintId + ", which routing has no record of"));
    }

    /** On {@code complaints.routing} and the order's department topic, keyed by the complaint. */
    private void announce(WorkOrder order, String type, Object event) {
        outbox.add(RoutingEvents.TOPIC, key(order), type, event);
        outbox.add(Department.TOPIC_PREFIX + order.department, key(order), type, event);
    }

    private static String key(WorkOrder order) {
        return order.complaintId.toString();
    }
}
