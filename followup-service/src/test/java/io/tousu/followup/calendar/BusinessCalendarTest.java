package io.tousu.followup.calendar;

import io.tousu.followup.sla.ReplyPolicy;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BusinessCalendarTest {
    private final BusinessCalendar calendar = new BusinessCalendar();

    @Test
    void countsWorkingDaysFromTheNextDaySkippingWeekends() {
        LocalDate friday = LocalDate.of(2026, 11, 20);
        assertThat(calendar.nthWorkingDayAfter(friday, 1)).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(calendar.nthWorkingDayAfter(friday, 5)).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(calendar.nthWorkingDayAfter(LocalDate.of(2026, 11, 22), 5)).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThatThrownBy(() -> calendar.nthWorkingDayAfter(friday, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theReplyClockUsesTheCentresDayNotUtc() {
        ReplyPolicy policy = new ReplyPolicy(calendar, 5, "Reply within 5 working days", ZoneId.of("Asia/Shanghai"));
        // 23:30 UTC on Friday is already Saturday morning in Beijing: counting starts on Monday.
        Instant lateFridayUtc = Instant.parse("2026-11-20T23:30:00Z");
        assertThat(policy.dueAt(lateFridayUtc)).isEqualTo(Instant.parse("2026-11-27T15:59:59Z"));
    }
}
