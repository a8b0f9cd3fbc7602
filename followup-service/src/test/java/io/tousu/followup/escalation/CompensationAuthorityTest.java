package io.tousu.followup.escalation;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompensationAuthorityTest {
    private final CompensationAuthority authority = new CompensationAuthority(Map.of(
            "L1", new BigDecimal("50"), "L2", new BigDecimal("500"), "L3", new BigDecimal("5000")));

    @Test
    void aLevelGrantsUpToItsLimitAndSendsMoreToTheLowestLevelThatMay() {
        assertThat(authority.approverFor(new BigDecimal("50.00"), 1)).isEmpty();
        assertThat(authority.approverFor(new BigDecimal("50.01"), 1)).contains(2);
        assertThat(authority.approverFor(new BigDecimal("800"), 1)).contains(3);
        assertThat(authority.approverFor(new BigDecimal("800"), 3)).isEmpty();
        assertThat(authority.approverFor(new BigDecimal("12000"), 2)).contains(4);
        assertThat(authority.approverFor(new BigDecimal("12000"), 4)).isEmpty();
    }

    @Test
    void noCompensationOrNoLimitsNeverEscalates() {
        assertThat(authority.approverFor(null, 1)).isEmpty();
        assertThat(authority.approverFor(BigDecimal.ZERO, 1)).isEmpty();
        assertThat(new CompensationAuthority(Map.of()).approverFor(new BigDecimal("99999"), 1)).isEqualTo(Optional.empty());
        assertThatThrownBy(() -> new CompensationAuthority(Map.of("L7", BigDecimal.ONE)))
                .isInstanceOf(IllegalStateException.class);
    }
}
