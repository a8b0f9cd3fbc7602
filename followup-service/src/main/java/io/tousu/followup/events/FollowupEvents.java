package io.tousu.followup.events;

import java.time.Instant;
import java.util.UUID;

/** The satisfaction loop's events on {@code complaints.followup}, keyed by complaint. */
public final class FollowupEvents {
    public static final String TOPIC = "complaints.followup";

    private FollowupEvents() {
    }

    /** A callback (回访) at {@code level} L1-L3: whether it reached the customer and what they said. */
    public record CallbackRecorded(UUID complaintId, String level, boolean reached, String satisfaction, int round,
                                   String agentId, Instant recordedAt) {
        public static final String TYPE = "CallbackRecorded.v1";
    }

    /** The customer was unsatisfied: routing sends it back (L2 on the first reopening, L3 after). */
    public record ComplaintReopened(UUID complaintId, String reason, int round, Instant reopenedAt) {
        public static final String TYPE = "ComplaintReopened.v1";
    }

    /** {@code reason}: SATISFIED, UNREACHABLE or WITHDRAWN. */
    public record ComplaintClosed(UUID complaintId, String reason, int round, Instant closedAt) {
        public static final String TYPE = "ComplaintClosed.v1";
    }

    /** A level must take the complaint over: {@code level} L2-L4, with the reason. */
    public record EscalationRequested(UUID complaintId, String level, String reason, Instant requestedAt) {
        public static final String TYPE = "EscalationRequested.v1";
    }
}
