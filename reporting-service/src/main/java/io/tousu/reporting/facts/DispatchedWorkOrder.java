package io.tousu.reporting.facts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.UUID;

/** Reporting's tolerant reading of routing's {@code WorkOrderDispatched.v1}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DispatchedWorkOrder(UUID complaintId, String department, String category, Instant dispatchedAt,
                                  UUID repeatOf, UUID incidentId) {
    public static final String TYPE = "WorkOrderDispatched";
}
