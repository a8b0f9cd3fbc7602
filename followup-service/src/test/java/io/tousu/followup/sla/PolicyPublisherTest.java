package io.tousu.followup.sla;

import io.quarkus.test.junit.QuarkusTest;
import io.tousu.followup.events.PromisePolicy;
import io.tousu.local.KafkaProbe;
import io.tousu.local.LocalInfra;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@QuarkusTest
class PolicyPublisherTest {
    @Test
    void publishesTheConfiguredPacksPromiseOnceForIntake() {
        List<ConsumerRecord<String, String>> published = new KafkaProbe(LocalInfra.forThisJvm().kafkaBootstrap())
                .await("policies.sla", r -> "seeds".equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(published).hasSize(1);
        assertThat(KafkaProbe.header(published.get(0), "ce_type")).isEqualTo("SlaPolicyPublished.v1");
        assertThat(published.get(0).value()).contains("\"hours\":24", "\"referralDueByWins\":true");
    }

    @Test
    void refusesAPromiseOutsideOneHourToThirtyDays() {
        assertThatThrownBy(() -> new PromisePolicy("x", "n", 0, true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
