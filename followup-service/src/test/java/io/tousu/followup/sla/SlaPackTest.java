package io.tousu.followup.sla;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlaPackTest {
    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void seedsPackHoldsTheReplyClockAndThePromise() {
        SlaPack pack = new SlaPack(mapper, "seeds");

        assertThat(pack.reply().amount()).isEqualTo(5);
        assertThat(pack.reply().unit()).isEqualTo("WORKING_DAYS");
        assertThat(pack.reply().name()).contains("5 working days");
        assertThat(pack.promise().hours()).isEqualTo(24);
        assertThat(pack.promise().referralDueByWins()).isTrue();
        assertThat(pack.checksum()).hasSize(64);
    }

    @Test
    void anUnknownPackStopsTheServiceAtStart() {
        assertThatThrownBy(() -> new SlaPack(mapper, "no-such-pack"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("policy/sla/no-such-pack.json");
    }
}
