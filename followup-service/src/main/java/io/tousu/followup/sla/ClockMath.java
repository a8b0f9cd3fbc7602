package io.tousu.followup.sla;

import io.tousu.followup.calendar.BusinessCalendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Due times in the centre's time zone. Hours are elapsed time; calendar days are dates; working
 * days from the next day end at the close of the Nth working day after the start's date, and
 * working days from a moment are that much working time (24 hours per working day, none on a day
 * off), which is also how a pause is measured and paid back.
 */
public final class ClockMath {
    /** The calendar version of a clock that counts no working days. */
    public static final String NO_CALENDAR = "NONE";
    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);
    private static final long DAY = Duration.ofDays(1).toSeconds();

    private final ZoneId zone;

    public ClockMath(ZoneId zone) {
        this.zone = zone;
    }

    /** A due time and the calendar versions it was computed on. */
    public record Due(Instant at, String calendarVersion) {
    }

    public Due due(Unit unit, int amount, Start start, Instant at, BusinessCalendar calendar) {
        ZonedDateTime from = at.atZone(zone);
        LocalDate day = from.toLocalDate();
        boolean nextDay = start == Start.NEXT_DAY;
        return switch (unit) {
            case HOURS -> new Due((nextDay ? day.plusDays(1).atStartOfDay(zone) : from).plusHours(amount).toInstant(),
                    NO_CALENDAR);
            case CALENDAR_DAYS -> new Due(nextDay ? endOf(day.plusDays(amount)) : from.plusDays(amount).toInstant(),
                    NO_CALENDAR);
            case WORKING_DAYS -> {
                Instant due = nextDay ? endOf(calendar.nthWorkingDayAfter(day, amount))
                        : plusWorkingTime(at, amount * DAY, calendar);
                yield new Due(due, calendar.versionOver(day, due.atZone(zone).toLocalDate()));
            }
            case FIXED -> throw new IllegalArgumentException("a FIXED clock's due time is given, not computed");
        };
    }

    /** {@code seconds} of working time after {@code at}: days off do not count. */
    public Instant plusWorkingTime(Instant at, long seconds, BusinessCalendar calendar) {
        ZonedDateTime t = at.atZone(zone);
        long left = seconds;
        while (true) {
            ZonedDateTime midnight = t.toLocalDate().plusDays(1).atStartOfDay(zone);
            if (calendar.isWorkingDay(t.toLocalDate())) {
                long today = Duration.between(t, midnight).toSeconds();
                if (left <= today) {
                    return t.plusSeconds(left).toInstant();
                }
                left -= today;
            }
            t = midnight;
        }
    }

    /** The working time between two moments: what a pause from {@code from} to {@code to} held a clock back. */
    public long workingSecondsBetween(Instant from, Instant to, BusinessCalendar calendar) {
        long total = 0;
        ZonedDateTime t = from.atZone(zone);
        ZonedDateTime end = to.atZone(zone);
        while (t.isBefore(end)) {
            ZonedDateTime midnight = t.toLocalDate().plusDays(1).atStartOfDay(zone);
            ZonedDateTime until = midnight.isBefore(end) ? midnight : end;
            if (calendar.isWorkingDay(t.toLocalDate())) {
                total += Duration.between(t, until).toSeconds();
            }
            t = until;
        }
        return total;
    }

    private Instant endOf(LocalDate day) {
        return day.atTime(END_OF_DAY).atZone(zone).toInstant();
    }
}
