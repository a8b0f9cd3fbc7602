package io.tousu.routing.workorder;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The work a department must do for one complaint: who, what, how urgent, and by which rule. */
@Entity
@Table(name = "work_order")
public class WorkOrder extends PanacheEntityBase {
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

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public WorkOrderStatus status;

    @Column(name = "escalation_level", nullable = false)
    public int escalationLevel;

    @Column(name = "rule_id", nullable = false)
    public String ruleId;

    @Column(name = "rule_version", nullable = false)
    public int ruleVersion;

    public String subject;

    public String area;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static List<WorkOrder> ofDepartment(String department, WorkOrderStatus status) {
        return status == null
                ? list("department = ?1 order by createdAt", department)
                : list("department = ?1 and status = ?2 order by createdAt", department, status);
    }
}
