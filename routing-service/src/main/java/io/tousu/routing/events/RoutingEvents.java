package io.tousu.routing.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
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

    /**
     * {@code IncidentLinked.v1}: the complaint is one of an incident's; the incident's work order
     * handles it, unless {@code answersAlone} names why it keeps its own (REFERRAL, VIP, REPEAT, or
     * the demand, e.g. COMPENSATION).
     */
    public record IncidentLinked(UUID complaintId, UUID incidentId, String family, String area, String answersAlone,
                                 Instant linkedAt) {
        public static final String TYPE = "IncidentLinked.v1";
    }

    /**
     * {@code IncidentResolved.v1}, one per linked complaint on {@code complaints.routing}, and on the
     * department topic of each of its own orders still open: the incident's answer. It closes the
     * orders of complaints the incident answers; to a complaint that answers alone it is
     * information, and its {@code openWorkOrderIds} still need their own answer. Followup tells
     * every linked customer.
     */
    public record IncidentResolved(UUID complaintId, UUID incidentId, String family, String area,
                                   UUID incidentWorkOrderId, String department, String outcome, String resolution,
                                   String answersAlone, List<UUID> openWorkOrderIds, Instant resolvedAt) {
        public static final String TYPE = "IncidentResolved.v1";
    }

    /** {@code WorkOrderUrged.v1} (督办): a supervisor urges the department; the order is at least HIGH from now on. */
    public record WorkOrderUrged(UUID workOrderId, UUID complaintId, String department, String reason,
                                 OffsetDateTime dueBy, String urgedBy, int urgeCount, String priority, Instant urgedAt) {
        public static final String TYPE = "WorkOrderUrged.v1";
    }

    /**
     * {@code CoHandlingRequested.v1} (协办): the handling department asks another to help; the
     * helping order {@code helperWorkOrderId} goes to {@code helperDepartment}, and the main order
     * waits for its contribution before it can be answered.
     */
    public record CoHandlingRequested(UUID workOrderId, UUID complaintId, String department, UUID helperWorkOrderId,
                                      String helperDepartment, String reason, Instant requestedAt) {
        public static final String TYPE = "CoHandlingRequested.v1";
    }

    /** {@code CoHandlingContributed.v1}: the helping department's answer, recorded on the main order. */
    public record CoHandlingContributed(UUID workOrderId, UUID complaintId, String department, UUID helperWorkOrderId,
                                        String helperDepartment, String outcome, String resolution,
                                        Instant contributedAt) {
        public static final String TYPE = "CoHandlingContributed.v1";
    }

    /**
     * {@code WorkOrderTransferred.v1} (转派): a supervisor sent the complaint to another department;
     * the new order ({@code newWorkOrderId}, at the same level) is dispatched as usual.
     */
    public record WorkOrderTransferred(UUID workOrderId, UUID complaintId, String department, String toDepartment,
                                       UUID newWorkOrderId, String reason, Instant transferredAt) {
        public static final String TYPE = "WorkOrderTransferred.v1";
    }

    /** {@code WorkOrderSuspended.v1} (挂起): the department waits (a site visit, the customer); followup pauses the clocks. */
    public record WorkOrderSuspended(UUID workOrderId, UUID complaintId, String department, String reason,
                                     Instant suspendedAt) {
        public static final String TYPE = "WorkOrderSuspended.v1";
    }

    /** {@code WorkOrderResumed.v1}: the wait is over; followup lets the clocks run again. */
    public record WorkOrderResumed(UUID workOrderId, UUID complaintId, String department, Instant resumedAt) {
        public static final String TYPE = "WorkOrderResumed.v1";
    }

    /**
     * {@code ComplaintMerged.v1} (并单), keyed by the merged complaint: it is one matter with
     * {@code intoComplaintId}, whose order {@code intoWorkOrderId} handles both; its own orders are
     * closed as MERGED. The handling order's answer is published for it too, so that it is still
     * replied to and called back.
     */
    public record ComplaintMerged(UUID complaintId, UUID intoComplaintId, UUID intoWorkOrderId, String reason,
                                  Instant mergedAt) {
        public static final String TYPE = "ComplaintMerged.v1";
    }
}
