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

    /** Not resolved by the pack's time: the customer was sent a progress notice by {@code channel} (task {@code taskId}). */
    public record ProgressNotified(UUID complaintId, String channel, UUID taskId, Instant dueAt, Instant notifiedAt) {
        public static final String TYPE = "ProgressNotified.v1";
    }

    /** A clock ran out while still running: {@code kind} and {@code name} as in the pack, {@code dueAt} it missed. */
    public record SlaBreached(UUID complaintId, String kind, String name, int round, Instant dueAt, Instant breachedAt) {
        public static final String TYPE = "SlaBreached.v1";
    }

    /** A level must take the complaint over: {@code level} L2-L4, with the reason. */
    public record EscalationRequested(UUID complaintId, String level, String reason, Instant requestedAt) {
        public static final String TYPE = "EscalationRequested.v1";
    }
}
