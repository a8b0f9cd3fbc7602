package io.tousu.reporting.rollup;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What a complaint contributes is computed from: its fact row, its occurrences and its clocks. */
public record ComplaintRows(Fact fact, List<Occurrence> occurrences, List<Clock> clocks) {
    /** The columns of {@code complaint_fact} the rollups read. */
    public record Fact(UUID complaintId, String channel, String category, String department, String area,
                       String province, String city, String district, Instant receivedAt, boolean resolvedOnFirstContact,
                       boolean repeat, boolean escalated, String referralSource, boolean incident, Instant dispatchedAt,
                       String rootCause, int breaches, Instant resultAt, Instant closedAt, String closedReason,
                       Instant reopenedAt, Instant replyDueAt, String replyState, Instant repliedAt) {
    }

    /** A row of {@code occurrence}; {@code amountCents} the compensation of a result. */
    public record Occurrence(String kind, Instant at, String detail, long amountCents) {
    }

    /** A row of {@code clock_fact}. */
    public record Clock(String kind, Instant dueAt, String state) {
    }
}
