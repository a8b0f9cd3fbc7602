package io.tousu.routing.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * {@code WorkOrder.v1} on {@code workorders.<dept>}: everything a department app needs to
 * handle the complaint without calling back into the platform.
 */
public record WorkOrderMessage(
        UUID workOrderId,
        UUID complaintId,
        String number,
        String department,
        String category,
        String priority,
        int escalationLevel,
        String channel,
        String type,
        OffsetDateTime receivedAt,
        String area,
        String subject,
        String description,
        Customer customer,
        Instant dispatchedAt) {

    public static final String TYPE = "WorkOrder.v1";

    public record Customer(String id, String name, String phone, String preferredContact) {
    }
}
