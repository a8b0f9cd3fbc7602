package io.tousu.followup.sla;

import io.tousu.followup.calendar.BusinessCalendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/** The reply clock: due at the end of the Nth working day after receipt, in the centre's time zone. */
public final class ReplyPolicy {
    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    private final int workingDays;
    private final String name;
    private final ZoneId zone;

    public ReplyPolicy(int workingDays, String name, ZoneId zone) {
        this.workingDays = workingDays;
        this.name = name;
        this.zone = zone;
    }

    /** Due on {@code calendar}, the one in force when the clock starts. */
    public Due dueAt(Instant receivedAt, BusinessCalendar calendar) {
        LocalDate received = receivedAt.atZone(zone).toLocalDate();
        LocalDate due = calendar.nthWorkingDayAfter(received, workingDays);
        return new Due(due.atTime(END_OF_DAY).atZone(zone).toInstant(), calendar.versionOver(received, due));
    }

    /** A due time and the calendar versions it was computed on. */
    public record Due(Instant at, String calendarVersion) {
    }

    /** The clock's name in the SLA pack. */
    public String describe() {
        return name;
    }
}
