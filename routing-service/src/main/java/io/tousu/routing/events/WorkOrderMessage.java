package io.tousu.routing.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * {@code WorkOrder.v1} on {@code workorders.<dept>}: everything a department app needs to
 * handle the complaint without calling back into the platform. Sent again, with the same
 * work-order id, when the order is escalated.
 */
public record WorkOrderMessage(
        UUID workOrderId,
        UUID complaintId,
        String number,
        String department,
        String category,
        String priority,
        List<String> priorityReasons,
        int escalationLevel,
        UUID incidentId,
        UUID repeatOf,
        String channel,
        String type,
        OffsetDateTime receivedAt,
        String area,
        String serviceNumber,
        String subject,
        String description,
        Customer customer,
        Instant dispatchedAt) {

    public static final String TYPE = "WorkOrder.v1";

    public record Customer(String id, String name, String phone, Boolean vip, String preferredContact) {
    }
}
