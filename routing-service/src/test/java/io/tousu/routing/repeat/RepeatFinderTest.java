package io.tousu.routing.repeat;

import io.tousu.routing.complaint.RoutedComplaint;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RepeatFinderTest {
    private static final Instant T0 = Instant.parse("2026-11-01T02:00:00Z");

    private static RoutedComplaint complaint(String category, String phone, String customerId, Instant at) {
        RoutedComplaint c = new RoutedComplaint();
        c.complaintId = UUID.randomUUID();
        c.category = category;
        c.phone = phone;
        c.customerId = customerId;
        c.receivedAt = at;
        return c;
    }

    @Test
    void theSameCustomerAndCategoryWithinTheWindowIsARepeatOfTheLatestEarlierOne() {
        RoutedComplaint first = complaint("FEES.SP_CHARGE", "13800138000", null, T0);
        RoutedComplaint second = complaint("FEES.SP_CHARGE", null, "C-1", T0.plus(Duration.ofDays(10)));
        second.phone = "13800138000";
        RepeatComplaints.Finder finder = new RepeatComplaints.Finder(Duration.ofDays(30), List.of(first));

        assertThat(finder.earlierOf(second)).contains(first.complaintId);
        // Known by customer id only, the newest earlier complaint is the one it repeats.
        assertThat(finder.earlierOf(complaint("FEES.SP_CHARGE", null, "C-1", T0.plus(Duration.ofDays(20)))))
                .contains(second.complaintId);
    }

    @Test
    void anotherCategoryAnotherCustomerOrOutsideTheWindowIsNot() {
        RoutedComplaint first = complaint("FEES.SP_CHARGE", "13800138000", null, T0);
        RepeatComplaints.Finder finder = new RepeatComplaints.Finder(Duration.ofDays(30), List.of(first));
        assertThat(finder.earlierOf(complaint("BASIC.DATA", "13800138000", null, T0.plusSeconds(60)))).isEmpty();
        assertThat(finder.earlierOf(complaint("FEES.SP_CHARGE", "13900139000", null, T0.plusSeconds(60)))).isEmpty();
        assertThat(new RepeatComplaints.Finder(Duration.ofDays(30), List.of(first)).earlierOf(complaint(
                "FEES.SP_CHARGE", "13800138000", null, T0.plus(Duration.ofDays(30)).plusSeconds(1)))).isEmpty();
        assertThat(new RepeatComplaints.Finder(Duration.ofDays(30), List.of(first)).earlierOf(complaint(
                "FEES.SP_CHARGE", "13800138000", null, T0.plus(Duration.ofDays(30))))).contains(first.complaintId);
    }

    @Test
    void aComplaintWithoutCategoryOrCustomerIsNeverARepeat() {
        RepeatComplaints.Finder finder = new RepeatComplaints.Finder(Duration.ofDays(30), List.of());
        RoutedComplaint anonymous = complaint("FEES.SP_CHARGE", null, null, T0);
        assertThat(finder.earlierOf(anonymous)).isEmpty();
        assertThat(finder.earlierOf(complaint(null, "13800138000", null, T0))).isEmpty();
    }
}
