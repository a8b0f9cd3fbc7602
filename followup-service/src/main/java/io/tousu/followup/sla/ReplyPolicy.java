package io.tousu.followup.sla;

import io.tousu.followup.calendar.BusinessCalendar;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/** The reply clock: due at the end of the Nth working day after receipt, in the centre's time zone. */
public final class ReplyPolicy {
    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    private final BusinessCalendar calendar;
    private final int workingDays;
    private final String name;
    private final ZoneId zone;

    public ReplyPolicy(BusinessCalendar calendar, int workingDays, String name, ZoneId zone) {
        this.calendar = calendar;
        this.workingDays = workingDays;
        this.name = name;
        this.zone = zone;
    }

    public Instant dueAt(Instant receivedAt) {
        return calendar.nthWorkingDayAfter(receivedAt.atZone(zone).toLocalDate(), workingDays)
                .atTime(END_OF_DAY).atZone(zone).toInstant();
    }

    /** The clock's name in the SLA pack. */
    public String describe() {
        return name;
    }
}
