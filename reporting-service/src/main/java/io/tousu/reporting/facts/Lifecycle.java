package io.tousu.reporting.facts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Reporting's tolerant readings of the lifecycle events after dispatch, routing's and followup's:
 * only the fields the KPIs use.
 */
public final class Lifecycle {
    private Lifecycle() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record IncidentLinked(UUID complaintId, UUID incidentId, Instant linkedAt) {
        public static final String TYPE = "IncidentLinked";
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ComplaintEscalated(UUID complaintId, int escalationLevel, String trigger, Instant escalatedAt) {
        public static final String TYPE = "ComplaintEscalated";
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WorkOrderReturned(UUID complaintId, String department, Instant returnedAt) {
        public static final String TYPE = "WorkOrderReturned";
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ResultSubmitted(UUID complaintId, String outcome, String rootCause, Compensation compensation,
                                  Instant submittedAt) {
        public static final String TYPE = "WorkOrderResultSubmitted";

        @JsonIgnoreProperties(ignoreUnknown = true)
        public record Compensation(String kind, BigDecimal amount) {
        }

        public BigDecimal amount() {
            return compensation == null ? null : compensation.amount();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CustomerReplied(UUID complaintId, String channel, Instant repliedAt) {
        public static final String TYPE = "CustomerReplied";
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CallbackRecorded(UUID complaintId, String level, boolean reached, String satisfaction, int round,
                                   Instant recordedAt) {
        public static final String TYPE = "CallbackRecorded";
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ComplaintReopened(UUID complaintId, int round, Instant reopenedAt) {
        public static final String TYPE = "ComplaintReopened";
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ComplaintClosed(UUID complaintId, String reason, Instant closedAt) {
        public static final String TYPE = "ComplaintClosed";
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SlaBreached(UUID complaintId, String kind, Instant breachedAt) {
        public static final String TYPE = "SlaBreached";
    }

    /** Every clock of a complaint as it stood at {@code setAt}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ClocksSet(UUID complaintId, List<Clock> clocks, Instant setAt) {
        public static final String TYPE = "ClocksSet";

        @JsonIgnoreProperties(ignoreUnknown = true)
        public record Clock(String kind, int round, Instant dueAt, Instant warnAt, String state) {
        }
    }
}
