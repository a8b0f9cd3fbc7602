package io.tousu.followup.complaint;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.UUID;

/** What followup reads of routing's {@code WorkOrderResultSubmitted}: the department has answered. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DepartmentResult(UUID workOrderId, UUID complaintId, String department, String outcome,
                               Instant submittedAt) {
    public static final String TYPE = "WorkOrderResultSubmitted";
}
