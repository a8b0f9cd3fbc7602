package io.tousu.routing.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** {@code WorkOrderDispatched.v1} on {@code complaints.routing}: a department got a complaint to handle. */
public record WorkOrderDispatched(
        UUID workOrderId,
        UUID complaintId,
        String number,
        String department,
        String category,
        String categorySource,
        String priority,
        List<String> priorityReasons,
        int escalationLevel,
        String ruleId,
        int ruleVersion,
        UUID incidentId,
        UUID repeatOf,
        UUID replaces,
        OffsetDateTime receivedAt,
        Instant dispatchedAt) {

    public static final String TYPE = "WorkOrderDispatched.v1";
}
