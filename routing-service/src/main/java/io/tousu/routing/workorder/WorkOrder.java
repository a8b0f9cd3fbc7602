package io.tousu.routing.workorder;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.tousu.platform.jdbc.BatchInsert;
import io.tousu.platform.problem.StateConflictException;
import io.tousu.routing.classification.CandidatesColumn;
import io.tousu.routing.classification.ComplaintClassifier;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.ws.rs.NotFoundException;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The work a department must do for one complaint: who, what, how urgent, by which rule, and
 * where it stands (see {@link WorkOrderStatus}).
 */
@Entity
@Table(name = "work_order")
public class WorkOrder extends PanacheEntityBase {
    /** The converters of the JSON columns, for {@link #addTo}, which writes them without Hibernate. */
    private static final JsonColumns.StringList REASONS_COLUMN = new JsonColumns.StringList();
    private static final JsonColumns.Result RESULT_COLUMN = new JsonColumns.Result();
    private static final CandidatesColumn CANDIDATES_COLUMN = new CandidatesColumn();
    /** The priority reason an urge adds. */
    public static final String URGED = "URGED";

    @Id
    public UUID id;

    @Column(name = "complaint_id", nullable = false)
    public UUID complaintId;

    @Column(name = "complaint_number", nullable = false)
    public String complaintNumber;

    @Column(nullable = false)
    public String department;

    public String category;

    /** GIVEN, CLASSIFIED, UNSURE or NONE: how the category was found (UNSURE and NONE are triage's). */
    @Column(name = "category_source")
    public String categorySource;

    @Column(name = "category_confidence")
    public Double categoryConfidence;

    /** The classifier's best candidates, so that whoever triages sees what it considered. */
    @Convert(converter = CandidatesColumn.class)
    @Column(name = "category_candidates")
    public List<ComplaintClassifier.Candidate> categoryCandidates;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Priority priority;

    @Convert(converter = JsonColumns.StringList.class)
    @Column(name = "priority_reasons", nullable = false)
    public List<String> priorityReasons;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public WorkOrderStatus status;

    @Column(name = "escalation_level", nullable = false)
    public int escalationLevel;

    @Column(name = "rule_id", nullable = false)
    public String ruleId;

    @Column(name = "rule_version", nullable = false)
    public int ruleVersion;

    @Column(name = "incident_id")
    public UUID incidentId;

    @Column(name = "repeat_of")
    public UUID repeatOf;

    public String subject;

    public String area;

    public String handler;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    @Convert(converter = JsonColumns.Result.class)
    public WorkOrderResult result;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "return_reason")
    public String returnReason;

    @Column(name = "rerouted_to")
    public UUID reroutedTo;

    /** For a co-handling order (协办): the main order it helps; its answer is a contribution, not the complaint's answer. */
    public UUID assists;

    /** While SUSPENDED: the state it resumes to, and why it waits. */
    @Enumerated(EnumType.STRING)
    @Column(name = "suspended_from")
    public WorkOrderStatus suspendedFrom;

    @Column(name = "suspend_reason")
    public String suspendReason;

    /** How often a supervisor urged it (督办). */
    @Column(name = "urge_count", nullable = false)
    public int urgeCount;

    /** The order that took over: the transfer's new order, or the order a merged complaint joined. */
    @Column(name = "handed_to")
    public UUID handedTo;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public void accept(String handler, Instant at) {
        require(status == WorkOrderStatus.OPEN, "accepted");
        this.status = WorkOrderStatus.ACCEPTED;
        this.handler = handler;
        this.acceptedAt = at;
        this.updatedAt = at;
    }

    /** The department's answer; only an accepted (signed-for, 签收) order can be answered. */
    public void complete(WorkOrderResult result, Instant at) {
        require(status == WorkOrderStatus.ACCEPTED, "answered");
        close(result, at);
    }

    /** Closed by the result of the incident it was folded into, whether or not it was accepted. */
    public void closeWithIncidentResult(WorkOrderResult result, Instant at) {
        require(isActive(), "closed by an incident result");
        close(result, at);
    }

    /** The complaint was withdrawn: the department need not answer. */
    public void cancel(Instant at) {
        require(isActive(), "cancelled");
        this.status = WorkOrderStatus.CANCELLED;
        this.updatedAt = at;
    }

    public void returnToRouting(String reason, Instant at) {
        require(isActive(), "returned");
        this.status = WorkOrderStatus.RETURNED;
        this.returnReason = reason;
        this.updatedAt = at;
    }

    public void escalateTo(int level, Instant at) {
        require(isActive(), "escalated");
        this.escalationLevel = level;
        this.updatedAt = at;
    }

    public boolean isActive() {
        return WorkOrderStatus.ACTIVE.contains(status);
    }

    /** Waits (挂起); only an OPEN or ACCEPTED order, and it resumes to that state. */
    public void suspend(String reason, Instant at) {
        require(status == WorkOrderStatus.OPEN || status == WorkOrderStatus.ACCEPTED, "suspended");
        this.suspendedFrom = status;
        this.suspendReason = reason;
        this.status = WorkOrderStatus.SUSPENDED;
        this.updatedAt = at;
    }

    public void resume(Instant at) {
        require(status == WorkOrderStatus.SUSPENDED, "resumed");
        this.status = suspendedFrom;
        this.suspendedFrom = null;
        this.updatedAt = at;
    }

    /** Urged by a supervisor (督办): at least HIGH from now on. */
    public void urge(Instant at) {
        require(isActive(), "urged");
        this.urgeCount++;
        this.priority = priority.atLeast(Priority.HIGH);
        if (!priorityReasons.contains(URGED)) {
            this.priorityReasons = Stream.concat(priorityReasons.stream(), Stream.of(URGED)).toList();
        }
        this.updatedAt = at;
    }

    /** Handed to {@code next}: a transfer's new order (TRANSFERRED) or the order its merged complaint joined (MERGED). */
    public void handOver(WorkOrderStatus how, UUID next, Instant at) {
        require(isActive(), how == WorkOrderStatus.TRANSFERRED ? "transferred" : "merged");
        this.status = how;
        this.handedTo = next;
        this.updatedAt = at;
    }

    private void close(WorkOrderResult result, Instant at) {
        this.status = WorkOrderStatus.DONE;
        this.result = result;
        this.completedAt = at;
        this.updatedAt = at;
    }

    private void require(boolean allowed, String action) {
        if (!allowed) {
            throw new StateConflictException("work order " + id + " is " + status + " and cannot be " + action);
        }
    }

    /** New orders for one bulk insert; {@link #addTo} gives each order's values in this order. */
    public static BatchInsert newRows() {
        return new BatchInsert("work_order", "id", "complaint_id", "complaint_number", "department", "category",
                "category_source", "category_confidence", "category_candidates", "priority",
                "priority_reasons", "status", "escalation_level", "rule_id", "rule_version", "incident_id", "repeat_of",
                "subject", "area", "handler", "accepted_at", "result", "completed_at", "return_reason", "rerouted_to",
                "assists", "suspended_from", "suspend_reason", "urge_count", "handed_to", "created_at", "updated_at");
    }

    public void addTo(BatchInsert rows) {
        rows.row(id, complaintId, complaintNumber, department, category, categorySource, categoryConfidence,
                CANDIDATES_COLUMN.convertToDatabaseColumn(categoryCandidates), priority,
                REASONS_COLUMN.convertToDatabaseColumn(priorityReasons), status, escalationLevel, ruleId,
                ruleVersion, incidentId, repeatOf, subject, area, handler, acceptedAt,
                RESULT_COLUMN.convertToDatabaseColumn(result), completedAt, returnReason, reroutedTo,
                assists, suspendedFrom, suspendReason, urgeCount, handedTo, createdAt, updatedAt);
    }

    /**
     * The order, locked until the transaction ends, so that two replicas or two clicks cannot both
     * move it; {@code guard} checks the caller may act on it before anything changes.
     */
    public static WorkOrder locked(UUID id, Consumer<WorkOrder> guard) {
        WorkOrder order = WorkOrder.<WorkOrder>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new NotFoundException("No work order " + id));
        guard.accept(order);
        return order;
    }

    /** The co-handling orders of a main order that still owe their help. */
    public static long helpOwed(UUID mainId) {
        return count("assists = ?1 and status in ?2", mainId, WorkOrderStatus.ACTIVE);
    }

    /** The orders of the complaints merged into this one (并单). */
    public static List<WorkOrder> mergedInto(UUID id) {
        return list("handedTo = ?1 and status = ?2", id, WorkOrderStatus.MERGED);
    }

    public static List<WorkOrder> ofDepartment(String department, WorkOrderStatus status) {
        return status == null
                ? list("department = ?1 order by createdAt", department)
                : list("department = ?1 and status = ?2 order by createdAt", department, status);
    }

    /** A complaint's own work orders and those of the incident it is linked to, oldest first. */
    public static List<WorkOrder> ofComplaint(UUID complaintId, UUID incidentId) {
        return incidentId == null
                ? list("complaintId = ?1 order by createdAt", complaintId)
                : list("complaintId = ?1 or incidentId = ?2 order by createdAt", complaintId, incidentId);
    }

    /** The open or accepted work orders of these complaints, oldest first. */
    public static List<WorkOrder> activeOf(List<UUID> complaintIds) {
        return complaintIds.isEmpty() ? List.of() : list("complaintId in ?1 and status in ?2 order by createdAt",
                complaintIds, WorkOrderStatus.ACTIVE);
    }
}
