package io.tousu.routing.dispatch;

import io.tousu.platform.jdbc.BatchInsert;
import io.tousu.routing.classification.CategoryChoice;
import io.tousu.routing.classification.ComplaintClassifier;
import io.tousu.routing.config.RoutingConfig;
import io.tousu.routing.complaint.ReceivedComplaint;
import io.tousu.routing.complaint.RoutedComplaint;
import io.tousu.routing.complaint.RoutedComplaints;
import io.tousu.routing.incident.Incidents;
import io.tousu.routing.metrics.RoutingMetrics;
import io.tousu.routing.priority.PriorityAssessor;
import io.tousu.routing.repeat.RepeatComplaints;
import io.tousu.routing.rules.RuleBook;
import io.tousu.routing.rules.RuleSet;
import io.tousu.routing.taxonomy.Taxonomy;
import io.tousu.routing.workorder.RoutingDecision;
import io.tousu.routing.workorder.WorkOrder;
import io.tousu.routing.workorder.WorkOrderStatus;
import io.tousu.routing.workorder.WorkOrders;
import io.opentelemetry.api.trace.SpanKind;
import io.tousu.platform.tracing.Traces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Routes received complaints, a batch at a time in the caller's transaction: categorise, record,
 * detect repeats and incidents, decide by the rules in force, and dispatch the work order.
 */
@ApplicationScoped
public class Dispatcher {
    private final Router router;
    private final RuleBook rules;
    private final RepeatComplaints repeats;
    private final Incidents incidents;
    private final WorkOrders workOrders;
    private final RoutingLocks locks;
    private final RoutedComplaints complaints;
    private final EntityManager em;
    private final DataSource dataSource;
    private final RoutingMetrics metrics;
    private final Traces traces;

    public Dispatcher(Taxonomy taxonomy, ComplaintClassifier classifier, RoutingConfig config, PriorityAssessor assessor,
                      RuleBook rules, RepeatComplaints repeats, Incidents incidents, WorkOrders workOrders, RoutingLocks locks,
                      RoutedComplaints complaints, EntityManager em, DataSource dataSource,
                      RoutingMetrics metrics, Traces traces) {
        this.traces = traces;
        this.router = new Router(taxonomy.pack(), classifier, config.classification().minConfidence(), assessor);
        this.rules = rules;
        this.repeats = repeats;
        this.incidents = incidents;
        this.workOrders = workOrders;
        this.locks = locks;
        this.complaints = complaints;
        this.em = em;
        this.dataSource = dataSource;
        this.metrics = metrics;
    }

    /**
     * A complaint event as received, with its JSON kept for re-dispatches and the traceparent of
     * its record, under which its routing is traced.
     */
    public record Received(ReceivedComplaint event, String payload, String traceparent) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void dispatchAll(List<Received> batch) {
        if (batch.isEmpty()) {
            return;
        }
        RuleSet ruleSet = rules.current();
        Set<UUID> seen = alreadyRouted(batch);
        List<RoutedComplaint> rows = new ArrayList<>();
        List<Received> received = new ArrayList<>();
        for (Received r : batch) {
            // A complaint re-published under a new event id is still routed once.
            if (seen.add(r.event().complaintId())) {
                rows.add(record(r));
                received.add(r);
            }
        }
        locks.lock(lockNames(rows));
        // Everything the batch compares against is read now, once; the batch's own writes are
        // flushed together at commit instead of before every query.
        em.setFlushMode(FlushModeType.COMMIT);
        RepeatComplaints.Finder repeatFinder = repeats.finderFor(rows);
        Incidents.Tally tally = incidents.tallyFor(rows);
        List<WorkOrder> orders = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            RoutedComplaint row = rows.get(i);
            Received r = received.get(i);
            // Each complaint's decision and events in a span of its own trace; the batch shares the rest.
            traces.call("route complaint", SpanKind.CONSUMER, r.traceparent(),
                    Map.of("complaint.id", row.complaintId.toString(), "messaging.destination.name", "complaints.received"),
                    () -> dispatch(row, r.event(), ruleSet, repeatFinder, tally)).ifPresent(orders::add);
        }
        // The batch's new rows are only inserted here, never changed: one JDBC batch per table
        // instead of managed entities, whose flush cost more than the database spent on them. A
        // complaint's incident is set by now, also when a later complaint of the batch opened it.
        BatchInsert complaintRows = RoutedComplaint.newRows();
        rows.forEach(row -> row.addTo(complaintRows));
        complaintRows.writeTo(dataSource);
        BatchInsert orderRows = WorkOrder.newRows();
        orders.forEach(order -> order.addTo(orderRows));
        orderRows.writeTo(dataSource);
    }

    private Optional<WorkOrder> dispatch(RoutedComplaint row, ReceivedComplaint event, RuleSet ruleSet,
                                         RepeatComplaints.Finder repeatFinder, Incidents.Tally tally) {
        row.repeatOf = repeatFinder.earlierOf(row).orElse(null);
        if (row.repeatOf != null) {
            metrics.repeat();
        }
        if (event.resolvedOnFirstContact()) {
            return Optional.empty();
        }
        row.answersAlone = incidents.answersAlone(event, row.repeatOf != null);
        Optional<Incidents.Membership> incident = tally.join(row);
        if (incident.isPresent() && !incident.get().opened() && row.answersAlone == null) {
            return Optional.empty(); // the incident's work order handles it
        }
        RoutingDecision decision = router.route(event, row.category, ruleSet, row.repeatOf != null, Set.of());
        if (incident.isPresent() && incident.get().opened()) {
            // The complaint that opens the incident carries its order, also when it answers alone:
            // that order's answer is then its own answer too.
            metrics.incidentOpened();
            return Optional.of(workOrders.open(row, event, decision.forIncident(), incident.get().incident().id, null));
        }
        // An ordinary complaint, or one linked to an incident that keeps its own order (its own
        // priority and due date; the incident's answer reaches it as information).
        return Optional.of(workOrders.open(row, event, decision, null, null));
    }

    /**
     * Routes a returned order's complaint again, by the rules in force, to a department that has
     * not returned it, at no lower a level than it had reached.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public WorkOrder reroute(WorkOrder returned) {
        RoutedComplaints.Routed routed = complaints.lock(returned.complaintId).orElseThrow(() ->
                new IllegalStateException("work order " + returned.id + " names complaint " + returned.complaintId
                        + ", which routing has no record of"));
        Set<String> excluded = WorkOrder.<WorkOrder>list("complaintId = ?1 and status = ?2", returned.complaintId,
                WorkOrderStatus.RETURNED).stream().map(o -> o.department).collect(Collectors.toSet());
        RoutingDecision decision = router.route(routed.event(), routed.row().category, rules.current(),
                routed.row().repeatOf != null, excluded).atLevel(returned.escalationLevel);
        return workOrders.dispatch(routed.row(), routed.event(),
                returned.incidentId == null ? decision : decision.forIncident(), returned.incidentId, returned.id);
    }

    private RoutedComplaint record(Received r) {
        ReceivedComplaint c = r.event();
        CategoryChoice category = router.categorise(c);
        RoutedComplaint row = new RoutedComplaint();
        row.complaintId = c.complaintId();
        row.number = c.number();
        row.receivedAt = c.receivedAt().toInstant();
        row.category = category.code();
        row.categorySource = category.source();
        row.categoryConfidence = category.confidence();
        row.categoryCandidates = category.candidates();
        row.family = incidents.familyOf(category.code());
        row.area = c.area();
        row.customerId = c.customer() == null ? null : c.customer().id();
        row.phone = c.customer() == null ? null : c.customer().phone();
        row.serviceNumber = c.serviceNumber();
        row.payload = r.payload();
        return row;
    }

    /**
     * The batch's complaints routed before (a redelivered batch), by id only and with one array
     * parameter: binding a thousand ids one by one cost more than the lookup.
     */
    @SuppressWarnings("unchecked")
    private Set<UUID> alreadyRouted(List<Received> batch) {
        UUID[] ids = batch.stream().map(r -> r.event().complaintId()).toArray(UUID[]::new);
        return new HashSet<>(em.createNativeQuery(
                        "SELECT complaint_id FROM routed_complaint WHERE complaint_id = ANY(?1)", UUID.class)
                .setParameter(1, ids).getResultList());
    }

    private static List<String> lockNames(List<RoutedComplaint> rows) {
        List<String> names = new ArrayList<>();
        for (RoutedComplaint row : rows) {
            names.addAll(RepeatComplaints.identities(row));
            String incident = Incidents.lockName(row.family, row.area);
            if (incident != null) {
                names.add(incident);
            }
        }
        return names;
    }
}
