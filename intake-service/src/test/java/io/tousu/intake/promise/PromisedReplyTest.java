package io.tousu.intake.promise;

import io.quarkus.test.junit.QuarkusTest;
import io.tousu.local.KafkaProbe;
import io.tousu.local.LocalInfra;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.tousu.intake.complaint.Submissions.example;
import static io.tousu.intake.complaint.Submissions.post;
import static org.awaitility.Awaitility.await;

/** The promise told to the customer follows the SLA pack followup publishes, not a copy in intake. */
@QuarkusTest
class PromisedReplyTest {
    private final KafkaProbe kafka = new KafkaProbe(LocalInfra.forThisJvm().kafkaBootstrap());

    private void publishPromise(int hours) {
        kafka.send("policies.sla", "seeds", """
                {"pack":"seeds","checksum":"%s","promise":{"name":"答复承诺","hours":%d,"referralDueByWins":true}}
                """.formatted(UUID.randomUUID(), hours), Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(),
                "ce_type", "SlaPolicyPublished.v1", "ce_source", "/followup-service", "ce_subject", "seeds"));
    }

    private static String promisedFor(String channelRef) {
        return post(example(channelRef), LocalInfra.tokens().forRole("channel")).then().statusCode(201)
                .extract().path("promisedReplyBy");
    }

    @Test
    void newComplaintsArePromisedWhatTheLatestPublishedPackSays() {
        try {
            publishPromise(48);
            await().atMost(Duration.ofSeconds(30)).until(
                    () -> promisedFor("CALL-" + UUID.randomUUID()).equals("2026-11-24T09:15:00+08:00"));
        } finally {
            publishPromise(24);
            await().atMost(Duration.ofSeconds(30)).until(
                    () -> promisedFor("CALL-" + UUID.randomUUID()).equals("2026-11-23T09:15:00+08:00"));
        }
    }
}
