package io.tousu.reporting.kpi;

import io.tousu.platform.problem.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportPeriodTest {
    @Test
    void coversWholeDaysInTheCentresTimeZone() {
        ReportPeriod p = ReportPeriod.parse("2026-11-01", "2026-11-30");
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        assertThat(p.startIn(shanghai)).isEqualTo(Instant.parse("2026-10-31T16:00:00Z"));
        assertThat(p.endIn(shanghai)).isEqualTo(Instant.parse("2026-11-30T16:00:00Z"));
    }

    @Test
    void listsEveryBadField() {
        assertThatThrownBy(() -> ReportPeriod.parse("yesterday", null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("from", "to"));
    }
}
