package io.tousu.routing.workorder;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.tousu.platform.jdbc.BatchInsert;
import io.tousu.platform.problem.StateConflictException;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The work a department must do for one complaint: who, what, how urgent, by which rule, and
 * where it stands. OPEN → ACCEPTED → DONE; OPEN or ACCEPTED → RETURNED (退单, re-routed).
 */
@Entity
@Table(name = "work_order")
public class WorkOrder extends PanacheEntityBase {
    /** The converters of the JSON columns, for {@link #addTo}, which writes them without Hibernate. */
    private static final JsonColumns.StringList REASONS_COLUMN = new JsonColumns.StringList();
    private static final JsonColumns.Result RESULT_COLUMN = new JsonColumns.Result();

    @Id
    public UUID id;

    @Column(name = "complaint_id", nullable = false)
    public UUID complaintId;

    @Column(name = "complaint_number", nullable = false)
    public String complaintNumber;

    @Column(nullable = false)
    public String department;

    public String category;

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
        return status == WorkOrderStatus.OPEN || status == WorkOrderStatus.ACCEPTED;
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
        return new BatchInsert("work_order", "id", "complaint_id", "complaint_number", "department", "category", "priority",
                "priority_reasons", "status", "escalation_level", "rule_id", "rule_version", "incident_id", "repeat_of",
                "subject", "area", "handler", "accepted_at", "result", "completed_at", "return_reason", "rerouted_to",
                "created_at", "updated_at");
    }

    public void addTo(BatchInsert rows) {
        rows.row(id, complaintId, complaintNumber, department, category, priority,
                REASONS_COLUMN.convertToDatabaseColumn(priorityReasons), status, escalationLevel, ruleId,
                ruleVersion, incidentId, repeatOf, subject, area, handler, acceptedAt,
                RESULT_COLUMN.convertToDatabaseColumn(result), completedAt, returnReason, reroutedTo,
                createdAt, updatedAt);
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
                complaintIds, List.of(WorkOrderStatus.OPEN, WorkOrderStatus.ACCEPTED));
    }
}
