package io.tousu.followup.adjust;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.UUID;

/**
 * What followup reads of routing's {@code WorkOrderSuspended} and {@code WorkOrderResumed}: the
 * department waits (挂起) for a site visit or for the customer, or waits no more.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DepartmentWait(UUID workOrderId, UUID complaintId, String department, String reason) {
    public static final String SUSPENDED = "WorkOrderSuspended";
    public static final String RESUMED = "WorkOrderResumed";

    /** Who a pause for this wait is recorded as started by, so that only its resumption ends it. */
    String by() {
        return "department:" + department + ":" + workOrderId;
    }
}
