package io.tousu.followup.calendar;

import io.tousu.platform.problem.FieldError;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One year's official schedule as the State Council publishes it: the statutory holidays (days
 * off, weekends inside them included) and the weekend days that are worked instead (调休).
 *
 * @param source the notice it is taken from, e.g. 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)
 */
public record YearSchedule(int year, String source, List<Holiday> holidays, List<LocalDate> workingWeekends) {

    /** A holiday: every day from {@code from} to {@code to}, both included, is off. */
    public record Holiday(String name, LocalDate from, LocalDate to) {
    }

    /** What is wrong with the schedule, field by field; empty when it can be used. */
    public List<FieldError> errors() {
        List<FieldError> errors = new ArrayList<>();
        if (year < 2000 || year > 2100) {
            errors.add(new FieldError("year", "must be between 2000 and 2100"));
        }
        if (source == null || source.isBlank()) {
            errors.add(new FieldError("source", "must name the notice the schedule comes from"));
        }
        Set<LocalDate> off = new HashSet<>();
        List<Holiday> all = holidays == null ? List.of() : holidays;
        if (holidays == null) {
            errors.add(new FieldError("holidays", "must be given (empty if the year has none)"));
        }
        for (int i = 0; i < all.size(); i++) {
            Holiday h = all.get(i);
            String at = "holidays[" + i + "]";
            if (h == null || h.name() == null || h.name().isBlank() || h.from() == null || h.to() == null) {
                errors.add(new FieldError(at, "needs name, from and to"));
                continue;
            }
            if (h.to().isBefore(h.from())) {
                errors.add(new FieldError(at + ".to", "must not be before from"));
            } else if (h.from().getYear() != year || h.to().getYear() != year) {
                errors.add(new FieldError(at, "must lie in " + year));
            } else {
                h.from().datesUntil(h.to().plusDays(1)).forEach(off::add);
            }
        }
        List<LocalDate> worked = workingWeekends == null ? List.of() : workingWeekends;
        for (int i = 0; i < worked.size(); i++) {
            LocalDate day = worked.get(i);
            String at = "workingWeekends[" + i + "]";
            if (day == null || day.getYear() != year) {
                errors.add(new FieldError(at, "must be a date in " + year));
            } else if (!weekend(day)) {
                errors.add(new FieldError(at, day + " is a " + day.getDayOfWeek() + ", not a weekend day"));
            } else if (off.contains(day)) {
                errors.add(new FieldError(at, day + " is also inside a holiday"));
            }
        }
        return errors;
    }

    static boolean weekend(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    }
}
