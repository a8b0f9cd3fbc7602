package io.tousu.followup.complaint;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** What followup reads of routing's {@code WorkOrderResultSubmitted}: the department has answered. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DepartmentResult(UUID workOrderId, UUID complaintId, String department, String outcome,
                               Compensation compensation, Instant submittedAt) {
    public static final String TYPE = "WorkOrderResultSubmitted";

    /** What the department grants the customer; {@code amount} in CNY. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Compensation(String kind, BigDecimal amount) {
    }

    public BigDecimal compensationAmount() {
        return compensation == null ? null : compensation.amount();
    }
}
