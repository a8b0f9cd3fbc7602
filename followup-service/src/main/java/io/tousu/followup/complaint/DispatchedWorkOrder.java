package io.tousu.followup.complaint;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Followup's tolerant reading of routing's {@code WorkOrderDispatched.v1}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DispatchedWorkOrder(UUID workOrderId, UUID complaintId, String number, String department,
                                  Integer escalationLevel, OffsetDateTime receivedAt, Instant dispatchedAt) {
    public static final String TYPE = "WorkOrderDispatched";
}
