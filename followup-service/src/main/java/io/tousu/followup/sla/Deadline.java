package io.tousu.followup.sla;

import java.time.OffsetDateTime;

/** A deadline as agents and supervisors see it. */
public record Deadline(ClockKind kind, String name, OffsetDateTime startedAt, OffsetDateTime dueAt,
                       DeadlineState state, String pack, String calendarVersion) {
}
