package io.tousu.followup.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Which days are working days. The walking skeleton knows weekends only; statutory holidays
 * and make-up working days (调休) come as yearly data in a later issue.
 */
public final class BusinessCalendar {

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /** The {@code n}th working day after {@code day}, counting from the next day (次日起算). */
    public LocalDate nthWorkingDayAfter(LocalDate day, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, was " + n);
        }
        LocalDate at = day;
        int counted = 0;
        while (counted < n) {
            at = at.plusDays(1);
            if (isWorkingDay(at)) {
                counted++;
            }
        }
        return at;
    }
}
