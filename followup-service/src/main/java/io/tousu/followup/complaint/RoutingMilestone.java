package io.tousu.followup.complaint;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.UUID;

/**
 * What followup reads of routing's {@code WorkOrderAccepted} (签收) and {@code WorkOrderReturned}
 * (退单): the department and when.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RoutingMilestone(UUID workOrderId, UUID complaintId, String department, Instant acceptedAt,
                               Instant returnedAt) {
    public static final String ACCEPTED = "WorkOrderAccepted";
    public static final String RETURNED = "WorkOrderReturned";
}
