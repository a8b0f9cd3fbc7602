package io.tousu.routing.incident;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncidentPolicyTest {
    private final IncidentPolicy policy = new IncidentPolicy(5, Duration.ofMinutes(60));

    @Test
    void opensAtTheThresholdWithinTheWindow() {
        assertThat(policy.opensWith(4)).isFalse();
        assertThat(policy.opensWith(5)).isTrue();
        assertThat(policy.countsSince(Instant.parse("2026-11-22T10:00:00Z"))).isEqualTo(Instant.parse("2026-11-22T09:00:00Z"));
    }

    @Test
    void oneComplaintIsNeverAnIncident() {
        assertThatThrownBy(() -> new IncidentPolicy(1, Duration.ofMinutes(60))).isInstanceOf(IllegalArgumentException.class);
    }
}
