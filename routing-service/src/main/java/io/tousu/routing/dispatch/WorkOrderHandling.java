package io.tousu.routing.dispatch;

import io.tousu.platform.outbox.Outbox;
import io.tousu.platform.problem.StateConflictException;
import io.tousu.routing.complaint.RoutedComplaint;
import io.tousu.routing.events.RoutingEvents;
import io.tousu.routing.incident.Incidents;
import io.tousu.routing.taxonomy.Department;
import io.tousu.routing.workorder.WorkOrder;
import io.tousu.routing.workorder.WorkOrderResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * What departments do with a work order — accept (签收), answer, return (退单) — over REST or
 * {@code workorders.results}. Each action locks the order, so two replicas or two clicks cannot
 * both move it; an action its state does not allow is a 409.
 */
@ApplicationScoped
public class WorkOrderHandling {
    private final Outbox outbox;
    private final Clock clock;
    private final Dispatcher dispatcher;
    private final Incidents incidents;

    public WorkOrderHandling(Outbox outbox, Clock clock, Dispatcher dispatcher, Incidents incidents) {
        this.outbox = outbox;
        this.clock = clock;
        this.dispatcher = dispatcher;
        this.incidents = incidents;
    }

    /**
     * @param guard checks the caller may act on the order (its department), before anything changes
     */
    @Transactional
    public WorkOrder accept(UUID id, String handler, Consumer<WorkOrder> guard) {
        WorkOrder order = WorkOrder.locked(id, guard);
        order.accept(handler, clock.instant());
        if (order.assists == null) { // a helper signing for is not the complaint's sign-for (签收)
            publish(order, RoutingEvents.WorkOrderAccepted.TYPE, new RoutingEvents.WorkOrderAccepted(order.id,
                    order.complaintId, order.department, handler, order.acceptedAt));
        }
        return order;
    }

    /**
     * Records the answer. A helping order's answer is a contribution to its main order; a main
     * order waits for the help it asked for; an incident's answer goes to every complaint linked
     * to the incident, and an order's answer to every complaint merged into it.
     */
    @Transactional
    public WorkOrder submitResult(UUID id, WorkOrderResult result, Consumer<WorkOrder> guard) {
        WorkOrder order = WorkOrder.locked(id, guard);
        Instant now = clock.instant();
        if (order.assists != null) {
            order.complete(result, now);
            WorkOrder main = WorkOrder.findById(order.assists);
            RoutingEvents.CoHandlingContributed event = new RoutingEvents.CoHandlingContributed(main.id,
                    main.complaintId, main.department, order.id, order.department, result.outcome(),
                    result.resolution(), now);
            publish(order, RoutingEvents.CoHandlingContributed.TYPE, event);
            outbox.add(Department.TOPIC_PREFIX + main.department, order.complaintId.toString(),
                    RoutingEvents.CoHandlingContributed.TYPE, event);
            return order;
        }
        long owed = WorkOrder.helpOwed(order.id);
        if (owed > 0) {
            throw new StateConflictException("work order " + id + " waits for the contribution of " + owed
                    + " co-handling order(s) before it can be answered");
        }
        order.complete(result, now);
        publish(order, RoutingEvents.WorkOrderResultSubmitted.TYPE, resultSubmitted(
                order.id, order.complaintId, order.department, order.incidentId, result, now));
        for (WorkOrder merged : WorkOrder.mergedInto(order.id)) {
            outbox.add(RoutingEvents.TOPIC, merged.complaintId.toString(), RoutingEvents.WorkOrderResultSubmitted.TYPE,
                    resultSubmitted(order.id, merged.complaintId, order.department, order.incidentId, result, now));
        }
        if (order.incidentId != null) {
            fanOut(order, result, now);
        }
        return order;
    }

    /** Returns a misrouted order with its reason and routes the complaint again, elsewhere. */
    @Transactional
    public WorkOrder returnOrder(UUID id, String reason, Consumer<WorkOrder> guard) {
        WorkOrder order = WorkOrder.locked(id, guard);
        if (order.assists != null) {
            throw new StateConflictException("work order " + id + " helps another order (协办) and cannot be returned: "
                    + "answer it with outcome CANNOT_RESOLVE instead");
        }
        Instant now = clock.instant();
        order.returnToRouting(reason, now);
        publish(order, RoutingEvents.WorkOrderReturned.TYPE, new RoutingEvents.WorkOrderReturned(order.id,
                order.complaintId, order.department, reason, now));
        order.reroutedTo = dispatcher.reroute(order).id;
        return order;
    }

    /** The customer withdrew the complaint: its open orders are cancelled, and each department told. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void withdrawn(UUID complaintId, String reason) {
        Instant now = clock.instant();
        for (WorkOrder active : WorkOrder.activeOf(List.of(complaintId))) {
            WorkOrder order = WorkOrder.locked(active.id, o -> { });
            if (!order.isActive()) {
                continue; // answered meanwhile
            }
            order.cancel(now);
            RoutingEvents.WorkOrderCancelled event = new RoutingEvents.WorkOrderCancelled(order.id, order.complaintId,
                    order.department, reason, now);
            publish(order, RoutingEvents.WorkOrderCancelled.TYPE, event);
            outbox.add(Department.TOPIC_PREFIX + order.department, order.complaintId.toString(),
                    RoutingEvents.WorkOrderCancelled.TYPE, event);
        }
    }

    /**
     * The incident's answer reaches every linked complaint: the orders of those it answers close
     * with it (or, with none, the result is published for them); a complaint that answers alone
     * keeps its orders open and their departments get the answer as information. Every linked
     * complaint, the incident order's own included, gets {@code IncidentResolved}, by which
     * followup tells its customer.
     */
    private void fanOut(WorkOrder incidentOrder, WorkOrderResult result, Instant now) {
        List<RoutedComplaint> linked = incidents.resolve(incidentOrder.incidentId);
        Map<UUID, List<WorkOrder>> active = WorkOrder.activeOf(linked.stream().map(c -> c.complaintId).toList())
                .stream().collect(Collectors.groupingBy(o -> o.complaintId));
        for (RoutedComplaint complaint : linked) {
            List<WorkOrder> own = active.getOrDefault(complaint.complaintId, List.of());
            boolean alone = complaint.answersAlone != null;
            if (!complaint.complaintId.equals(incidentOrder.complaintId) && !alone) {
                if (own.isEmpty()) {
                    outbox.add(RoutingEvents.TOPIC, complaint.complaintId.toString(),
                            RoutingEvents.WorkOrderResultSubmitted.TYPE, resultSubmitted(incidentOrder.id,
                                    complaint.complaintId, incidentOrder.department, incidentOrder.incidentId, result, now));
                }
                for (WorkOrder o : own) {
                    o.closeWithIncidentResult(result, now);
                    publish(o, RoutingEvents.WorkOrderResultSubmitted.TYPE, resultSubmitted(
                            o.id, o.complaintId, incidentOrder.department, incidentOrder.incidentId, result, now));
                }
            }
            List<WorkOrder> stillOpen = alone ? own : List.of();
            RoutingEvents.IncidentResolved resolved = new RoutingEvents.IncidentResolved(complaint.complaintId,
                    incidentOrder.incidentId, complaint.family, complaint.area, incidentOrder.id,
                    incidentOrder.department, result.outcome(), result.resolution(), complaint.answersAlone,
                    stillOpen.stream().map(o -> o.id).toList(), now);
            outbox.add(RoutingEvents.TOPIC, complaint.complaintId.toString(), RoutingEvents.IncidentResolved.TYPE, resolved);
            for (WorkOrder o : stillOpen) {
                outbox.add(Department.TOPIC_PREFIX + o.department, o.complaintId.toString(),
                        RoutingEvents.IncidentResolved.TYPE, resolved);
            }
        }
    }

    private static RoutingEvents.WorkOrderResultSubmitted resultSubmitted(UUID workOrderId, UUID complaintId,
                                                                          String department, UUID incidentId,
                                                                          WorkOrderResult r, Instant at) {
        WorkOrderResult.Compensation c = r.compensation();
        return new RoutingEvents.WorkOrderResultSubmitted(workOrderId, complaintId, department, incidentId, r.outcome(),
                r.resolution(), r.rootCause(), r.responsibleParty(),
                c == null ? null : new RoutingEvents.Compensation(c.kind(), c.amount()), r.handledBy(), at);
    }

    private void publish(WorkOrder order, String type, Object event) {
        outbox.add(RoutingEvents.TOPIC, order.complaintId.toString(), type, event);
    }
}
