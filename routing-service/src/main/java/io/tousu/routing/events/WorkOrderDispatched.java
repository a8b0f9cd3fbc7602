package io.tousu.routing.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** {@code WorkOrderDispatched.v1} on {@code complaints.routing}: a department got a complaint to handle. */
public record WorkOrderDispatched(
        UUID workOrderId,
        UUID complaintId,
        String number,
        String department,
        String category,
        String priority,
        int escalationLevel,
        String ruleId,
        int ruleVersion,
        OffsetDateTime receivedAt,
        Instant dispatchedAt) {

    public static final String TYPE = "WorkOrderDispatched.v1";
    public static final String TOPIC = "complaints.routing";
}
