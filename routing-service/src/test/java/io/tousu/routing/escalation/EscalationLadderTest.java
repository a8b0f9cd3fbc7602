package io.tousu.routing.escalation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EscalationLadderTest {
    @Test
    void aRequestClimbsAtLeastOneLevelOrToTheLevelAskedAndStopsAtLeadership() {
        assertThat(EscalationLadder.requested(1, null)).isEqualTo(2);
        assertThat(EscalationLadder.requested(1, 3)).isEqualTo(3);
        assertThat(EscalationLadder.requested(3, 2)).isEqualTo(4);
        assertThat(EscalationLadder.requested(4, null)).isEqualTo(4);
    }

    @Test
    void theFirstReopenGoesToDepartmentLevelTheSecondToTheManager() {
        assertThat(EscalationLadder.afterReopen(1, 1)).isEqualTo(2);
        assertThat(EscalationLadder.afterReopen(2, 2)).isEqualTo(3);
        assertThat(EscalationLadder.afterReopen(3, 1)).isEqualTo(3);
        assertThat(EscalationLadder.afterReopen(4, 5)).isEqualTo(4);
    }

    @Test
    void readsLevelsWrittenEitherWay() {
        assertThat(EscalationLadder.parse("L3")).isEqualTo(3);
        assertThat(EscalationLadder.parse("2")).isEqualTo(2);
        assertThat(EscalationLadder.parse("L9")).isNull();
        assertThat(EscalationLadder.parse("high")).isNull();
        assertThat(EscalationLadder.parse(null)).isNull();
    }
}
