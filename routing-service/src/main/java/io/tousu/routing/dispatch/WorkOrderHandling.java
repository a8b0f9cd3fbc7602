package io.tousu.routing.dispatch;

import io.tousu.platform.outbox.Outbox;
import io.tousu.routing.events.RoutingEvents;
import io.tousu.routing.incident.Incidents;
import io.tousu.routing.taxonomy.Department;
import io.tousu.routing.workorder.WorkOrder;
import io.tousu.routing.workorder.WorkOrderResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

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
        WorkOrder order = lock(id, guard);
        order.accept(handler, clock.instant());
        publish(order, RoutingEvents.WorkOrderAccepted.TYPE, new RoutingEvents.WorkOrderAccepted(order.id,
                order.complaintId, order.department, handler, order.acceptedAt));
        return order;
    }

    /** Records the answer; an incident's answer goes to every complaint linked to the incident. */
    @Transactional
    public WorkOrder submitResult(UUID id, WorkOrderResult result, Consumer<WorkOrder> guard) {
        WorkOrder order = lock(id, guard);
        Instant now = clock.instant();
        order.complete(result, now);
        publish(order, RoutingEvents.WorkOrderResultSubmitted.TYPE, resultSubmitted(
                order.id, order.complaintId, order.department, order.incidentId, result, now));
        if (order.incidentId != null) {
            fanOut(order, result, now);
        }
        return order;
    }

    /** Returns a misrouted order with its reason and routes the complaint again, elsewhere. */
    @Transactional
    public WorkOrder returnOrder(UUID id, String reason, Consumer<WorkOrder> guard) {
        WorkOrder order = lock(id, guard);
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
            WorkOrder order = lock(active.id, o -> { });
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

    private void fanOut(WorkOrder incidentOrder, WorkOrderResult result, Instant now) {
        List<UUID> linkedIds = incidents.resolve(incidentOrder.incidentId).stream().map(c -> c.complaintId)
                .filter(id -> !id.equals(incidentOrder.complaintId)).toList();
        Map<UUID, List<WorkOrder>> active = WorkOrder.activeOf(linkedIds).stream()
                .collect(Collectors.groupingBy(o -> o.complaintId));
        for (UUID linked : linkedIds) {
            List<WorkOrder> own = active.getOrDefault(linked, List.of());
            if (own.isEmpty()) {
                outbox.add(RoutingEvents.TOPIC, linked.toString(), RoutingEvents.WorkOrderResultSubmitted.TYPE,
                        resultSubmitted(incidentOrder.id, linked,
                                incidentOrder.department, incidentOrder.incidentId, result, now));
            }
            for (WorkOrder o : own) {
                o.closeWithIncidentResult(result, now);
                publish(o, RoutingEvents.WorkOrderResultSubmitted.TYPE, resultSubmitted(
                        o.id, o.complaintId, incidentOrder.department, incidentOrder.incidentId, result, now));
            }
        }
    }

    private static WorkOrder lock(UUID id, Consumer<WorkOrder> guard) {
        WorkOrder order = WorkOrder.<WorkOrder>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new NotFoundException("No work order " + id));
        guard.accept(order);
        return order;
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
