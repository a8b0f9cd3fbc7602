package io.tousu.followup.sla;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * A deadline as agents and supervisors see it: {@code pausedFor} the time it stood still for the
 * customer (ended and running pauses), {@code revision} how often it was moved.
 */
public record Deadline(String kind, String name, Unit unit, int round, OffsetDateTime startedAt, OffsetDateTime dueAt,
                       OffsetDateTime warnAt, Duration pausedFor, boolean paused, DeadlineState state, int revision,
                       String pack, String calendarVersion) {
}
