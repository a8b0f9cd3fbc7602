package io.tousu.routing.api;

import io.tousu.routing.classification.ComplaintClassifier;
import io.tousu.routing.workorder.Priority;
import io.tousu.routing.workorder.WorkOrder;
import io.tousu.routing.workorder.WorkOrderResult;
import io.tousu.routing.workorder.WorkOrderStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A work order as department apps and supervisors see it. */
public record WorkOrderView(UUID id, UUID complaintId, String number, String department, String category,
                            String categorySource, Double categoryConfidence,
                            List<ComplaintClassifier.Candidate> categoryCandidates, Priority priority,
                            List<String> priorityReasons, int escalationLevel,
                            WorkOrderStatus status, String ruleId, int ruleVersion, UUID incidentId, UUID repeatOf,
                            String subject, String area, String handler, Instant acceptedAt, WorkOrderResult result,
                            Instant completedAt, String returnReason, UUID reroutedTo, UUID assists,
                            String suspendReason, int urgeCount, UUID handedTo, Instant createdAt, Instant updatedAt) {

    static WorkOrderView of(WorkOrder o) {
        return new WorkOrderView(o.id, o.complaintId, o.complaintNumber, o.department, o.category, o.categorySource,
                o.categoryConfidence, o.categoryCandidates, o.priority,
                o.priorityReasons, o.escalationLevel, o.status, o.ruleId, o.ruleVersion, o.incidentId, o.repeatOf,
                o.subject, o.area, o.handler, o.acceptedAt, o.result, o.completedAt, o.returnReason, o.reroutedTo,
                o.assists, o.suspendReason, o.urgeCount, o.handedTo, o.createdAt, o.updatedAt);
    }
}
