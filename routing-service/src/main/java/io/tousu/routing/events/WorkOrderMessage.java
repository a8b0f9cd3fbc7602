package io.tousu.routing.events;

import io.tousu.routing.classification.ComplaintClassifier;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * {@code WorkOrder.v1} on {@code workorders.<dept>}: everything a department app needs to
 * handle the complaint without calling back into the platform. Sent again, with the same
 * work-order id, when the order is escalated. A complaint the classifier was unsure of comes to
 * the default department with no category, {@code categorySource} UNSURE and the candidates. A
 * helping order (协办) names the main order it {@code assists}; its answer is a contribution.
 */
public record WorkOrderMessage(
        UUID workOrderId,
        UUID complaintId,
        String number,
        String department,
        String category,
        String categorySource,
        Double categoryConfidence,
        List<ComplaintClassifier.Candidate> categoryCandidates,
        String priority,
        List<String> priorityReasons,
        int escalationLevel,
        UUID incidentId,
        UUID repeatOf,
        UUID assists,
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
