package io.tousu.followup.sla;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlaPackTest {
    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void seedsPackHoldsItsClocksThePromiseAndTheCallbackLoop() {
        SlaPack pack = new SlaPack(mapper, "seeds");

        assertThat(pack.clocks()).extracting(ClockRule::kind)
                .containsExactly("PROGRESS_NOTICE", "CONTACT", "RESOLVE", "REPLY");
        ClockRule reply = pack.clocks().get(3);
        assertThat(reply.unit()).isEqualTo(Unit.WORKING_DAYS);
        assertThat(reply.amount()).isEqualTo(5);
        assertThat(reply.start()).isEqualTo(Start.NEXT_DAY);
        assertThat(reply.stopOn()).containsExactly(Milestone.REPLY);
        assertThat(reply.pauses()).isTrue();
        assertThat(pack.clocks().get(2).pauses()).as("calendar days do not pause").isFalse();
        assertThat(pack.promise().hours()).isEqualTo(24);
        assertThat(pack.promise().referralDueByWins()).isTrue();
        assertThat(pack.callback().retryAfter()).isEqualTo(Duration.ofHours(2));
        assertThat(pack.supervisoryShare()).isEqualTo(0.1);
        assertThat(pack.checksum()).hasSize(64);
    }

    @ParameterizedTest
    @ValueSource(strings = {"seeds", "telecom", "power", "cityhotline"})
    void everyShippedPackLoads(String name) {
        SlaPack pack = new SlaPack(mapper, name);
        assertThat(pack.clocks()).isNotEmpty();
        assertThat(pack.clocks()).allSatisfy(c -> assertThat(c.problem()).isNull());
    }

    @Test
    void aClockWithoutWhatStopsItStopsTheService() {
        ClockRule noStop = new ClockRule("REPLY", "Reply", Unit.WORKING_DAYS, 5, Start.NEXT_DAY, List.of(), null, null,
                OnDue.ESCALATE, null);
        assertThat(noStop.problem()).contains("stopOn");
        ClockRule fixed = new ClockRule("REPLY", "Reply", Unit.FIXED, 5, Start.NEXT_DAY, List.of(Milestone.REPLY), null,
                null, OnDue.ESCALATE, null);
        assertThat(fixed.problem()).contains("unit");
    }

    @Test
    void anUnknownPackStopsTheServiceAtStart() {
        assertThatThrownBy(() -> new SlaPack(mapper, "no-such-pack"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("policy/sla/no-such-pack.json");
    }
}
