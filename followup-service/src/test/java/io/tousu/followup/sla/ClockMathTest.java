package io.tousu.followup.sla;

import io.tousu.followup.calendar.BusinessCalendar;
import io.tousu.followup.calendar.BusinessCalendarTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Due times on the shipped 2025/2026 calendars, at real holidays, make-up days and year ends. */
class ClockMathTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final BusinessCalendar calendar = BusinessCalendarTest.shippedCalendar();
    private final ClockMath math = new ClockMath(SHANGHAI);

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    private ClockMath.Due due(Unit unit, int amount, Start start, String from) {
        return math.due(unit, amount, start, at(from), calendar);
    }

    @Test
    void workingDaysFromTheNextDaySkipNationalDayAndCountItsMakeUpSaturday() {
        // 1-7 October off; Saturday 10 October worked: 8, 9, 10, 12, 13.
        ClockMath.Due due = due(Unit.WORKING_DAYS, 5, Start.NEXT_DAY, "2026-09-30T10:00:00+08:00");
        assertThat(due.at()).isEqualTo(at("2026-10-13T23:59:59+08:00"));
        assertThat(due.calendarVersion()).isEqualTo("2026.1");
    }

    @Test
    void workingDaysFromAMomentAreWorkingTimeAcrossTheSpringFestival() {
        // Friday 13 February 15:00: 9 hours left that day, Saturday 14 February is a make-up working
        // day, 15-23 February off, then 24 and 25 February, and 15 hours of 26 February.
        assertThat(due(Unit.WORKING_DAYS, 4, Start.RECEIPT, "2026-02-13T15:00:00+08:00").at())
                .isEqualTo(at("2026-02-26T15:00:00+08:00"));
        // Received on a day off, the count starts with the next working day.
        assertThat(due(Unit.WORKING_DAYS, 1, Start.RECEIPT, "2026-02-15T11:00:00+08:00").at())
                .isEqualTo(at("2026-02-25T00:00:00+08:00"));
    }

    @Test
    void hoursAndCalendarDaysIgnoreTheCalendar() {
        ClockMath.Due hours = due(Unit.HOURS, 24, Start.RECEIPT, "2026-12-31T20:00:00+08:00");
        assertThat(hours.at()).isEqualTo(at("2027-01-01T20:00:00+08:00"));
        assertThat(hours.calendarVersion()).isEqualTo(ClockMath.NO_CALENDAR);
        assertThat(due(Unit.CALENDAR_DAYS, 15, Start.RECEIPT, "2026-01-20T10:00:00+08:00").at())
                .isEqualTo(at("2026-02-04T10:00:00+08:00"));
        assertThat(due(Unit.CALENDAR_DAYS, 7, Start.NEXT_DAY, "2026-01-20T10:00:00+08:00").at())
                .isEqualTo(at("2026-01-27T23:59:59+08:00"));
    }

    @Test
    void acrossTheYearEndBothSchedulesCountAndAYearWithoutOneIsMarked() {
        // 31 December, then 1-3 January off and Sunday 4 January worked: 31, 4, 5, 6, 7.
        ClockMath.Due into2026 = due(Unit.WORKING_DAYS, 5, Start.NEXT_DAY, "2025-12-30T09:00:00+08:00");
        assertThat(into2026.at()).isEqualTo(at("2026-01-07T23:59:59+08:00"));
        assertThat(into2026.calendarVersion()).isEqualTo("2025.1+2026.1");
        // No 2027 schedule: weekends only, so Friday 1 January 2027 counts, and the clock says so.
        ClockMath.Due into2027 = due(Unit.WORKING_DAYS, 5, Start.NEXT_DAY, "2026-12-29T09:00:00+08:00");
        assertThat(into2027.at()).isEqualTo(at("2027-01-05T23:59:59+08:00"));
        assertThat(into2027.calendarVersion()).isEqualTo(BusinessCalendar.MISSING);
    }

    @Test
    void workingTimeMatchesAMinuteByMinuteCountOverRandomMoments() {
        Random random = new Random(20261204);
        LocalDateTime first = LocalDateTime.of(2025, 1, 1, 0, 0);
        for (int i = 0; i < 400; i++) {
            Instant start = first.plusMinutes(random.nextInt(720 * 24 * 60)).atZone(SHANGHAI).toInstant();
            int minutes = 1 + random.nextInt(8 * 24 * 60);
            Instant due = math.plusWorkingTime(start, minutes * 60L, calendar);
            assertThat(due).as("%d working minutes after %s", minutes, start).isEqualTo(bruteForce(start, minutes));
            assertThat(math.workingSecondsBetween(start, due, calendar)).isEqualTo(minutes * 60L);
        }
    }

    /** Steps a minute at a time and counts the minutes that fall on working days. */
    private Instant bruteForce(Instant start, int minutes) {
        Instant t = start;
        int left = minutes;
        while (left > 0) {
            if (calendar.isWorkingDay(t.atZone(SHANGHAI).toLocalDate())) {
                left--;
            }
            t = t.plusSeconds(60);
        }
        return t;
    }
}
