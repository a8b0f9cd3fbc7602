package io.tousu.routing.workorder;

import java.time.Instant;
import java.util.UUID;

/** A work order as department apps and supervisors see it. */
public record WorkOrderView(UUID id, UUID complaintId, String number, String department, String category,
                            Priority priority, int escalationLevel, WorkOrderStatus status, String ruleId,
                            int ruleVersion, String subject, String area, Instant createdAt) {

    static WorkOrderView of(WorkOrder o) {
        return new WorkOrderView(o.id, o.complaintId, o.complaintNumber, o.department, o.category, o.priority,
                o.escalationLevel, o.status, o.ruleId, o.ruleVersion, o.subject, o.area, o.createdAt);
    }
}
