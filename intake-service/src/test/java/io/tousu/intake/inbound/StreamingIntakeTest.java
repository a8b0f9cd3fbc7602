package io.tousu.intake.inbound;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.tousu.intake.complaint.Complaint;
import io.tousu.local.KafkaProbe;
import io.tousu.local.LocalInfra;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.tousu.intake.complaint.Submissions.example;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class StreamingIntakeTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private final KafkaProbe kafka = new KafkaProbe(LocalInfra.forThisJvm().kafkaBootstrap());

    /** One Kafka key for the whole test: one partition, so the records are consumed in the order sent. */
    private final String batchKey = "BATCH-" + UUID.randomUUID();

    private void produce(String value) {
        kafka.send("complaints.submitted", batchKey, value, Map.of());
    }

    private static long complaints(String channelRef) {
        return QuarkusTransaction.requiringNew().call(() -> Complaint.count("channelRef", channelRef));
    }

    @Test
    void acceptsGoodRecordsOnceAndRejectsBadAndUndecodableOnesWithoutStopping() {
        String good = "STREAM-" + UUID.randomUUID();
        String bad = "STREAM-" + UUID.randomUUID();
        String after = "STREAM-" + UUID.randomUUID();
        produce(example(good));
        produce(example(good));
        produce(example(bad).replace("\"phone\": \"13800138000\"", "\"phone\": \"999\""));
        produce("{\"channel\": \"HOTLINE\", ");
        produce(example(after));

        await().atMost(WAIT).until(() -> complaints(after) == 1);
        assertThat(complaints(good)).isEqualTo(1);
        assertThat(complaints(bad)).isZero();

        List<ConsumerRecord<String, String>> rejectedBad = kafka.await("complaints.rejected", r -> bad.equals(r.key()), 1, WAIT);
        assertThat(KafkaProbe.header(rejectedBad.get(0), "ce_type")).isEqualTo("ComplaintRejected.v1");
        assertThat(rejectedBad.get(0).value()).contains("\"field\":\"customer.phone\"");
        // An undecodable record has no channelRef of its own: its rejection is keyed by the record's key.
        List<ConsumerRecord<String, String>> rejectedGarbage = kafka.await("complaints.rejected",
                r -> batchKey.equals(r.key()), 1, WAIT);
        assertThat(rejectedGarbage).hasSize(1);
        assertThat(rejectedGarbage.get(0).value()).contains("not a readable submission");
        kafka.await("complaints.received", r -> r.value().contains("\"channelRef\":\"" + good + "\""), 1, WAIT);
    }
}
