package io.tousu.routing.workorder;

import io.tousu.platform.outbox.Outbox;
import io.tousu.routing.complaint.ReceivedComplaint;
import io.tousu.routing.complaint.RoutedComplaint;
import io.tousu.routing.events.RoutingEvents;
import io.tousu.routing.events.WorkOrderDispatched;
import io.tousu.routing.events.WorkOrderMessage;
import io.tousu.routing.metrics.RoutingMetrics;
import io.tousu.routing.taxonomy.Department;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.UUID;

/**
 * Creates work orders and sends them: the dispatch to {@code complaints.routing}, the order itself
 * to {@code workorders.<dept>}, both through the outbox in the caller's transaction.
 */
@ApplicationScoped
public class WorkOrders {
    private final Outbox outbox;
    private final Clock clock;
    private final RoutingMetrics metrics;

    public WorkOrders(Outbox outbox, Clock clock, RoutingMetrics metrics) {
        this.outbox = outbox;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Creates, stores and sends a work order.
     *
     * @param incidentId the incident this order handles, or null
     * @param replaces   the returned order this one takes over from, or null
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public WorkOrder dispatch(RoutedComplaint complaint, ReceivedComplaint event, RoutingDecision decision,
                              UUID incidentId, UUID replaces) {
        return dispatch(complaint, event, decision, incidentId, replaces, UUID.randomUUID());
    }

    /** {@link #dispatch} with the order's id chosen by the caller (a transfer names the new order on the old). */
    @Transactional(Transactional.TxType.MANDATORY)
    public WorkOrder dispatch(RoutedComplaint complaint, ReceivedComplaint event, RoutingDecision decision,
                              UUID incidentId, UUID replaces, UUID id) {
        WorkOrder order = build(id, complaint, event, decision, incidentId);
        announce(order, complaint, event, replaces);
        order.persist();
        return order;
    }

    /**
     * A helping order (协办) for {@code department}, at the main order's priority and level. It is
     * sent to the department like any order, but it is no dispatch of the complaint: followup and
     * reporting learn of it as {@code CoHandlingRequested}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public WorkOrder assist(WorkOrder main, RoutedComplaint complaint, ReceivedComplaint event, String department) {
        RoutingDecision decision = new RoutingDecision(department, main.priority, main.priorityReasons,
                main.escalationLevel, main.ruleId, main.ruleVersion);
        WorkOrder order = build(UUID.randomUUID(), complaint, event, decision, null);
        order.assists = main.id;
        send(order, event);
        order.persist();
        return order;
    }

    /**
     * Creates and sends a work order that the caller stores: a dispatch batch inserts its orders
     * together, without the cost of managing each one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public WorkOrder open(RoutedComplaint complaint, ReceivedComplaint event, RoutingDecision decision,
                          UUID incidentId, UUID replaces) {
        WorkOrder order = build(UUID.randomUUID(), complaint, event, decision, incidentId);
        announce(order, complaint, event, replaces);
        return order;
    }

    private WorkOrder build(UUID id, RoutedComplaint complaint, ReceivedComplaint event, RoutingDecision decision,
                            UUID incidentId) {
        WorkOrder order = new WorkOrder();
        order.id = id;
        order.complaintId = complaint.complaintId;
        order.complaintNumber = complaint.number;
        order.department = decision.department();
        order.category = complaint.category;
        order.categorySource = complaint.categorySource;
        order.categoryConfidence = complaint.categoryConfidence;
        order.categoryCandidates = complaint.categoryCandidates;
        order.priority = decision.priority();
        order.priorityReasons = decision.priorityReasons();
        order.escalationLevel = decision.escalationLevel();
        order.status = WorkOrderStatus.OPEN;
        order.ruleId = decision.ruleId();
        order.ruleVersion = decision.ruleVersion();
        order.incidentId = incidentId;
        order.repeatOf = complaint.repeatOf;
        order.subject = event.subject();
        order.area = event.area();
        order.createdAt = clock.instant();
        return order;
    }

    /** The dispatch on {@code complaints.routing} and the order on its department's topic. */
    private void announce(WorkOrder order, RoutedComplaint complaint, ReceivedComplaint event, UUID replaces) {
        outbox.add(RoutingEvents.TOPIC, key(order), WorkOrderDispatched.TYPE, new WorkOrderDispatched(order.id,
                order.complaintId, order.complaintNumber, order.department, order.category,
                complaint.categorySource, order.priority.name(), order.priorityReasons, order.escalationLevel,
                order.ruleId, order.ruleVersion, order.incidentId, order.repeatOf, replaces, event.receivedAt(),
                order.createdAt));
        send(order, event);
        metrics.dispatched(order.department, order.priority.name());
    }

    /** Sends the order to its department's topic, again after a change the department must see. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void send(WorkOrder order, ReceivedComplaint c) {
        ReceivedComplaint.Customer customer = c.customer();
        outbox.add(Department.TOPIC_PREFIX + order.department, key(order), WorkOrderMessage.TYPE,
                new WorkOrderMessage(order.id, order.complaintId, order.complaintNumber, order.department,
                        order.category, order.categorySource, order.categoryConfidence, order.categoryCandidates,
                        order.priority.name(), order.priorityReasons, order.escalationLevel, order.incidentId, order.repeatOf,
                        order.assists, c.channel(), c.type(), c.receivedAt(), c.area(),
                        c.serviceNumber(), c.subject(), c.description(),
                        customer == null ? null : new WorkOrderMessage.Customer(customer.id(), customer.name(),
                                customer.phone(), customer.vip(), customer.preferredContact()),
                        order.createdAt));
    }

    /** Events are keyed by complaint id, so one complaint's events stay in order. */
    private static String key(WorkOrder order) {
        return order.complaintId.toString();
    }
}
