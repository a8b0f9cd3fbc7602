package io.tousu.routing.workorder;

import io.tousu.platform.outbox.Outbox;
import io.tousu.routing.complaint.ReceivedComplaint;
import io.tousu.routing.events.WorkOrderDispatched;
import io.tousu.routing.events.WorkOrderMessage;
import io.tousu.routing.routing.Router;
import io.tousu.routing.routing.RoutingDecision;
import io.tousu.routing.taxonomy.Department;
import io.tousu.routing.taxonomy.Taxonomy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns a received complaint into a work order for its department, and publishes both the
 * dispatch ({@code complaints.routing}) and the work order ({@code workorders.<dept>}) through
 * the outbox, in the caller's transaction.
 */
@ApplicationScoped
public class Dispatcher {
    private final Router router;
    private final Outbox outbox;
    private final Clock clock;

    public Dispatcher(Taxonomy taxonomy, Outbox outbox, Clock clock) {
        this.router = new Router(taxonomy.pack());
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The work order created, or empty when the complaint needs none (settled on first contact). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<WorkOrder> dispatch(ReceivedComplaint complaint) {
        if (complaint.resolvedOnFirstContact()) {
            return Optional.empty();
        }
        RoutingDecision decision = router.route(complaint);
        Instant now = clock.instant();
        WorkOrder order = new WorkOrder();
        order.id = UUID.randomUUID();
        order.complaintId = complaint.complaintId();
        order.complaintNumber = complaint.number();
        order.department = decision.department();
        order.category = complaint.category();
        order.priority = decision.priority();
        order.escalationLevel = decision.escalationLevel();
        order.status = WorkOrderStatus.OPEN;
        order.ruleId = decision.ruleId();
        order.ruleVersion = decision.ruleVersion();
        order.subject = complaint.subject();
        order.area = complaint.area();
        order.createdAt = now;
        order.persist();

        String key = complaint.complaintId().toString();
        outbox.add(WorkOrderDispatched.TOPIC, key, WorkOrderDispatched.TYPE, new WorkOrderDispatched(order.id,
                order.complaintId, order.complaintNumber, order.department, order.category, order.priority.name(),
                order.escalationLevel, order.ruleId, order.ruleVersion, complaint.receivedAt(), now));
        outbox.add(Department.TOPIC_PREFIX + order.department, key, WorkOrderMessage.TYPE, message(order, complaint));
        return Optional.of(order);
    }

    private static WorkOrderMessage message(WorkOrder order, ReceivedComplaint c) {
        ReceivedComplaint.Customer customer = c.customer();
        return new WorkOrderMessage(order.id, order.complaintId, order.complaintNumber, order.department,
                order.category, order.priority.name(), order.escalationLevel, c.channel(), c.type(), c.receivedAt(),
                c.area(), c.subject(), c.description(),
                customer == null ? null : new WorkOrderMessage.Customer(customer.id(), customer.name(),
                        customer.phone(), customer.preferredContact()),
                order.createdAt);
    }
}
