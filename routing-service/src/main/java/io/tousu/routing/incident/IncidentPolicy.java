package io.tousu.routing.incident;

import java.time.Duration;
import java.time.Instant;

/** When complaints become an incident: at least {@code threshold} of one family in one area within {@code window}. */
public record IncidentPolicy(int threshold, Duration window) {

    public IncidentPolicy {
        if (threshold < 2) {
            throw new IllegalArgumentException("an incident needs at least 2 complaints, not " + threshold);
        }
    }

    /** The earliest receipt time that still counts towards an incident with a complaint received at {@code at}. */
    public Instant countsSince(Instant at) {
        return at.minus(window);
    }

    public boolean opensWith(int complaintsInWindow) {
        return complaintsInWindow >= threshold;
    }
}
