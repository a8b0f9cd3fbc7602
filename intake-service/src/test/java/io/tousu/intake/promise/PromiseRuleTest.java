package io.tousu.intake.promise;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class PromiseRuleTest {
    private final Instant received = Instant.parse("2026-11-22T01:15:00Z");

    @Test
    void promisesTheSlaPacksHoursFromReceipt() {
        assertThat(new PromiseRule(Duration.ofHours(24), true).promisedReplyBy(received, null))
                .isEqualTo(Instant.parse("2026-11-23T01:15:00Z"));
    }

    @Test
    void anEarlierReferralDueDateWinsUnlessThePackSaysOtherwise() {
        OffsetDateTime regulatorDue = OffsetDateTime.parse("2026-11-22T17:00:00+08:00");
        assertThat(new PromiseRule(Duration.ofHours(24), true).promisedReplyBy(received, regulatorDue))
                .isEqualTo(regulatorDue.toInstant());
        assertThat(new PromiseRule(Duration.ofHours(24), false).promisedReplyBy(received, regulatorDue))
                .isEqualTo(Instant.parse("2026-11-23T01:15:00Z"));
        assertThat(new PromiseRule(Duration.ofHours(24), true)
                .promisedReplyBy(received, OffsetDateTime.parse("2026-11-30T17:00:00+08:00")))
                .isEqualTo(Instant.parse("2026-11-23T01:15:00Z"));
    }
}
