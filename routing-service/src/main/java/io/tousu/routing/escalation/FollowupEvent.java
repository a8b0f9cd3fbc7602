package io.tousu.routing.escalation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.UUID;

/**
 * Routing's tolerant reading of followup's {@code EscalationRequested} and
 * {@code ComplaintReopened}: the complaint, why, and for a request the level asked for
 * ({@code 3} or {@code "L3"}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FollowupEvent(UUID complaintId, String reason, String level) {
    public static final String ESCALATION_REQUESTED = "EscalationRequested";
    public static final String COMPLAINT_REOPENED = "ComplaintReopened";
    public static final String COMPLAINT_CLOSED = "ComplaintClosed";
    /** A closing reason: the customer withdrew the complaint (撤诉). */
    public static final String WITHDRAWN = "WITHDRAWN";
}
