package io.tousu.followup.calendar;

import java.time.LocalDate;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which days are working days in the centre's country: weekends are off, statutory holidays are
 * off, and the weekend days worked instead of them (调休) are on. Built from the published year
 * schedules; a year without one falls back to weekends only, and a clock that runs into it says
 * so ({@link #versionOver} answers {@link #MISSING}). Immutable: a new publication makes a new
 * calendar.
 */
public final class BusinessCalendar {
    /** The calendar version of a clock that ran into a year without a published schedule. */
    public static final String MISSING = "MISSING";

    /** A year's schedule in force, with its version (1 for the shipped file, then one per PUT). */
    public record Published(YearSchedule schedule, int version) {
        String label() {
            return schedule.year() + "." + version;
        }
    }

    private record Year(BitSet working, String label) {
    }

    private final Map<Integer, Year> years = new TreeMap<>();

    public BusinessCalendar(Collection<Published> published) {
        for (Published p : published) {
            years.put(p.schedule().year(), new Year(workingDays(p.schedule()), p.label()));
        }
    }

    /** No published year: weekends only. */
    public static BusinessCalendar weekendsOnly() {
        return new BusinessCalendar(List.of());
    }

    /** Bit {@code dayOfYear - 1} set for each working day of the year. */
    private static BitSet workingDays(YearSchedule s) {
        LocalDate first = LocalDate.of(s.year(), 1, 1);
        BitSet working = new BitSet(first.lengthOfYear());
        first.datesUntil(first.plusYears(1)).filter(d -> !YearSchedule.weekend(d))
                .forEach(d -> working.set(d.getDayOfYear() - 1));
        for (YearSchedule.Holiday h : s.holidays()) {
            h.from().datesUntil(h.to().plusDays(1)).forEach(d -> working.clear(d.getDayOfYear() - 1));
        }
        s.workingWeekends().forEach(d -> working.set(d.getDayOfYear() - 1));
        return working;
    }

    public boolean isWorkingDay(LocalDate day) {
        Year year = years.get(day.getYear());
        return year == null ? !YearSchedule.weekend(day) : year.working().get(day.getDayOfYear() - 1);
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

    /** Working days in {@code (from, to]}: after {@code from}, up to and including {@code to}; 0 if {@code to} is not after. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate at = from.plusDays(1); !at.isAfter(to); at = at.plusDays(1)) {
            if (isWorkingDay(at)) {
                count++;
            }
        }
        return count;
    }

    /**
     * The version of the schedules a clock from {@code from} to {@code to} was computed on, e.g.
     * {@code 2026.1}, or {@code 2025.1+2026.2} across a year end; {@link #MISSING} if any of its
     * years has none.
     */
    public String versionOver(LocalDate from, LocalDate to) {
        TreeSet<String> labels = new TreeSet<>();
        for (int y = from.getYear(); y <= to.getYear(); y++) {
            Year year = years.get(y);
            if (year == null) {
                return MISSING;
            }
            labels.add(year.label());
        }
        return String.join("+", labels);
    }

    /** The years with a published schedule and their versions, e.g. {@code {2025=2025.1, 2026=2026.1}}. */
    public Map<Integer, String> years() {
        return years.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().label(),
                (a, b) -> a, TreeMap::new));
    }
}
