package io.tousu.routing.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/** The events routing publishes on {@code complaints.routing}, keyed by complaint id, besides dispatches. */
public final class RoutingEvents {
    public static final String TOPIC = "complaints.routing";

    private RoutingEvents() {
    }

    /** {@code WorkOrderAccepted.v1}: the department signed for the work order (签收). */
    public record WorkOrderAccepted(UUID workOrderId, UUID complaintId, String department, String handler,
                                    Instant acceptedAt) {
        public static final String TYPE = "WorkOrderAccepted.v1";
    }

    /** {@code WorkOrderResultSubmitted.v1}: the department's answer; for an incident, one per linked complaint. */
    public record WorkOrderResultSubmitted(UUID workOrderId, UUID complaintId, String department, UUID incidentId,
                                           String outcome, String resolution, String rootCause,
                                           String responsibleParty, Compensation compensation,
                                           String handledBy, Instant submittedAt) {
        public static final String TYPE = "WorkOrderResultSubmitted.v1";
    }

    /**
     * {@code WorkOrderCancelled.v1}, on {@code complaints.routing} and the department's topic: the
     * customer withdrew the complaint (撤诉), so the order needs no answer.
     */
    public record WorkOrderCancelled(UUID workOrderId, UUID complaintId, String department, String reason,
                                     Instant cancelledAt) {
        public static final String TYPE = "WorkOrderCancelled.v1";
    }

    /** Compensation or remedy owed to the customer: {@code kind} and, in CNY, {@code amount}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Compensation(String kind, String amount) {
    }

    /**
     * {@code WorkOrderReturned.v1}: a department returned a misrouted order (退单); the
     * {@code WorkOrderDispatched} that follows names it in {@code replaces}.
     */
    public record WorkOrderReturned(UUID workOrderId, UUID complaintId, String department, String reason,
                                    Instant returnedAt) {
        public static final String TYPE = "WorkOrderReturned.v1";
    }

    /** {@code ComplaintEscalated.v1}: the complaint moved up the ladder (L1 front line … L4 leadership). */
    public record ComplaintEscalated(UUID complaintId, UUID workOrderId, String department, int fromLevel,
                                     int escalationLevel, String trigger, String reason, Instant escalatedAt) {
        public static final String TYPE = "ComplaintEscalated.v1";
    }

    /** {@code IncidentLinked.v1}: the complaint is one of an incident's; the incident's work order handles it. */
    public record IncidentLinked(UUID complaintId, UUID incidentId, String family, String area, Instant linkedAt) {
        public static final String TYPE = "IncidentLinked.v1";
    }
}
