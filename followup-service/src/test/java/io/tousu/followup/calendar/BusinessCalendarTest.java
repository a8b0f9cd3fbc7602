package io.tousu.followup.calendar;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tousu.followup.sla.ClockMath;
import io.tousu.followup.sla.Start;
import io.tousu.followup.sla.Unit;
import io.tousu.platform.policy.PolicyFiles;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped 2025 and 2026 schedules, checked against the State Council's notices as the issue quotes them. */
public class BusinessCalendarTest {
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final BusinessCalendar calendar = new BusinessCalendar(List.of(shipped(2025), shipped(2026)));

    /** Days off and make-up working days of the two notices, written out here independently of the files. */
    private static final Set<LocalDate> OFF = days(
            "2025-01-01", "2025-01-28/2025-02-04", "2025-04-04/2025-04-06", "2025-05-01/2025-05-05",
            "2025-05-31/2025-06-02", "2025-10-01/2025-10-08",
            "2026-01-01/2026-01-03", "2026-02-15/2026-02-23", "2026-04-04/2026-04-06", "2026-05-01/2026-05-05",
            "2026-06-19/2026-06-21", "2026-09-25/2026-09-27", "2026-10-01/2026-10-07");
    private static final Set<LocalDate> WORKED = days(
            "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11",
            "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10");

    /** The calendar of the shipped 2025 and 2026 files, for other packages' tests. */
    public static BusinessCalendar shippedCalendar() {
        return new BusinessCalendar(List.of(shipped(2025), shipped(2026)));
    }

    static BusinessCalendar.Published shipped(int year) {
        return new BusinessCalendar.Published(
                PolicyFiles.read(MAPPER, "policy/calendar/" + year + ".json", YearSchedule.class), 1);
    }

    private static Set<LocalDate> days(String... ranges) {
        Set<LocalDate> days = new HashSet<>();
        for (String range : ranges) {
            String[] ends = range.split("/");
            LocalDate from = LocalDate.parse(ends[0]);
            LocalDate to = LocalDate.parse(ends[ends.length - 1]);
            from.datesUntil(to.plusDays(1)).forEach(days::add);
        }
        return days;
    }

    /** The reference: the notices for 2025 and 2026, weekends only in any other year. */
    private static boolean referenceWorkingDay(LocalDate day) {
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        return WORKED.contains(day) || (!weekend && !OFF.contains(day));
    }

    @Test
    void theShippedFilesAreValidAndSayWhereTheyComeFrom() {
        for (int year : Calendars.SHIPPED) {
            YearSchedule s = shipped(year).schedule();
            assertThat(s.year()).isEqualTo(year);
            assertThat(s.errors()).isEmpty();
            assertThat(s.source()).contains("国务院办公厅关于" + year + "年部分节假日安排的通知");
        }
        // Both years have 248 working days: weekdays less the holidays on weekdays, plus the make-up days.
        assertThat(calendar.workingDaysBetween(LocalDate.of(2024, 12, 31), LocalDate.of(2025, 12, 31))).isEqualTo(248);
        assertThat(calendar.workingDaysBetween(LocalDate.of(2025, 12, 31), LocalDate.of(2026, 12, 31))).isEqualTo(248);
    }

    @Test
    void springFestivalAndItsMakeUpSaturdays() {
        // Received Monday 27 January 2025, counted from the next day: 28 Jan - 4 Feb off, Saturday 8 Feb worked.
        assertThat(calendar.nthWorkingDayAfter(LocalDate.of(2025, 1, 27), 5)).isEqualTo(LocalDate.of(2025, 2, 10));
        // Received Friday 13 February 2026: Saturday 14 Feb is worked, then 15 - 23 Feb off.
        assertThat(calendar.nthWorkingDayAfter(LocalDate.of(2026, 2, 13), 1)).isEqualTo(LocalDate.of(2026, 2, 14));
        assertThat(calendar.nthWorkingDayAfter(LocalDate.of(2026, 2, 13), 5)).isEqualTo(LocalDate.of(2026, 2, 27));
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 28))).as("Saturday 28 Feb 2026 is a make-up day").isTrue();
    }

    @Test
    void nationalDayAndTheMidAutumnFestival() {
        // Received Tuesday 30 September 2025: 1 - 8 October off, Saturday 11 October worked.
        assertThat(calendar.nthWorkingDayAfter(LocalDate.of(2025, 9, 30), 1)).isEqualTo(LocalDate.of(2025, 10, 9));
        assertThat(calendar.nthWorkingDayAfter(LocalDate.of(2025, 9, 30), 3)).isEqualTo(LocalDate.of(2025, 10, 11));
        // Received Wednesday 30 September 2026: 1 - 7 October off, Saturday 10 October worked.
        assertThat(calendar.nthWorkingDayAfter(LocalDate.of(2026, 9, 30), 5)).isEqualTo(LocalDate.of(2026, 10, 13));
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 25))).as("Mid-Autumn Festival 2026").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 20))).as("Sunday 20 September 2026, worked").isTrue();
    }

    @Test
    void acrossTheYearEndAndIntoAYearWithoutACalendar() {
        // Received Tuesday 30 December 2025: 1 - 3 January 2026 off, Sunday 4 January worked.
        LocalDate received = LocalDate.of(2025, 12, 30);
        LocalDate due = calendar.nthWorkingDayAfter(received, 5);
        assertThat(due).isEqualTo(LocalDate.of(2026, 1, 7));
        assertThat(calendar.versionOver(received, due)).isEqualTo("2025.1+2026.1");
        // 2027 has no published schedule: weekends only, and the clock says so.
        LocalDate late = LocalDate.of(2026, 12, 29);
        LocalDate into2027 = calendar.nthWorkingDayAfter(late, 5);
        assertThat(into2027).isEqualTo(LocalDate.of(2027, 1, 5));
        assertThat(calendar.versionOver(late, into2027)).isEqualTo(BusinessCalendar.MISSING);
        assertThat(calendar.versionOver(late, late)).isEqualTo("2026.1");
    }

    @Test
    void agreesWithADayByDayCountOverThousandsOfRandomDates() {
        Random random = new Random(20261203);
        LocalDate first = LocalDate.of(2024, 10, 1);
        for (int i = 0; i < 5000; i++) {
            LocalDate from = first.plusDays(random.nextInt(1000));
            int n = 1 + random.nextInt(30);
            LocalDate expected = from;
            for (int counted = 0; counted < n; ) {
                expected = expected.plusDays(1);
                if (referenceWorkingDay(expected)) {
                    counted++;
                }
            }
            LocalDate due = calendar.nthWorkingDayAfter(from, n);
            assertThat(due).as("%d working days after %s", n, from).isEqualTo(expected);
            assertThat(calendar.workingDaysBetween(from, due)).isEqualTo(n);
            assertThat(calendar.isWorkingDay(from)).as("%s", from).isEqualTo(referenceWorkingDay(from));
        }
    }

    @Test
    void rejectsSchedulesThatCannotBeRight() {
        YearSchedule bad = new YearSchedule(2027, " ",
                List.of(new YearSchedule.Holiday("春节", LocalDate.of(2027, 2, 10), LocalDate.of(2027, 2, 6)),
                        new YearSchedule.Holiday("元旦", LocalDate.of(2026, 12, 31), LocalDate.of(2027, 1, 1))),
                List.of(LocalDate.of(2027, 2, 8), LocalDate.of(2028, 1, 2)));
        assertThat(bad.errors()).extracting(e -> e.field())
                .containsExactly("source", "holidays[0].to", "holidays[1]", "workingWeekends[0]", "workingWeekends[1]");
        assertThatThrownBy(() -> calendar.nthWorkingDayAfter(LocalDate.of(2026, 1, 1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theReplyClockUsesTheCentresDayNotUtc() {
        // 23:30 UTC on Friday is already Saturday morning in Beijing: counting starts on Monday.
        ClockMath.Due due = new ClockMath(SHANGHAI).due(Unit.WORKING_DAYS, 5, Start.NEXT_DAY,
                Instant.parse("2026-11-20T23:30:00Z"), calendar);
        assertThat(due.at()).isEqualTo(Instant.parse("2026-11-27T15:59:59Z"));
        assertThat(due.calendarVersion()).isEqualTo("2026.1");
    }
}
