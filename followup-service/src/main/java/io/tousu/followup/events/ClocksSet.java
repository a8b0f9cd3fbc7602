package io.tousu.followup.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code ClocksSet.v1} on {@code complaints.followup}: every clock of a complaint as it stands
 * after a change (opened, stopped, paused, moved, breached), so that reporting can show the
 * clocks at risk without computing them.
 */
public record ClocksSet(UUID complaintId, String pack, List<Clock> clocks, Instant setAt) {
    public static final String TYPE = "ClocksSet.v1";

    /** {@code state} PENDING, MET or BREACHED; {@code paused} while waiting for the customer. */
    public record Clock(String kind, String name, String unit, int round, Instant startedAt, Instant dueAt,
                        Instant warnAt, String state, boolean paused) {
    }
}
