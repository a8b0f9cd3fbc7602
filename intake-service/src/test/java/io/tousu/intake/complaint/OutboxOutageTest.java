package io.tousu.intake.complaint;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.tousu.local.KafkaProbe;
import io.tousu.local.LocalInfra;
import io.tousu.platform.outbox.OutboxMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static io.tousu.intake.complaint.Submissions.example;
import static io.tousu.intake.complaint.Submissions.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A 201 needs only PostgreSQL: complaints accepted while the broker is down reach it, once, when it is back. */
@QuarkusTest
class OutboxOutageTest {
    private static final int COMPLAINTS = 20;

    private static long pending() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count());
    }

    private static double pendingRowsGauge() {
        Matcher m = Pattern.compile("(?m)^outbox_pending_rows (\\S+)$").matcher(given().when().get("/q/metrics").asString());
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    @Test
    void complaintsAcceptedDuringABrokerOutageArePublishedExactlyOnceAfterIt() {
        String token = LocalInfra.tokens().forRole("channel");
        Set<String> ids = new HashSet<>();
        LocalInfra.stopBroker();
        try {
            for (int i = 0; i < COMPLAINTS; i++) {
                ids.add(post(example("OUTAGE-" + UUID.randomUUID()), token).then().statusCode(201).extract().path("id"));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> pending() >= COMPLAINTS);
            // The relay re-measures its lag once per cycle; while the broker is away a cycle takes ~10 s.
            await().atMost(Duration.ofSeconds(30)).until(() -> pendingRowsGauge() >= COMPLAINTS);
            await().atMost(Duration.ofSeconds(30)).until(() -> given().when().get("/q/health/ready").statusCode() == 503);
        } finally {
            LocalInfra.startBroker();
        }
        List<ConsumerRecord<String, String>> published = new KafkaProbe(LocalInfra.forThisJvm().kafkaBootstrap())
                .await("complaints.received", r -> ids.contains(r.key()), COMPLAINTS, Duration.ofSeconds(90));
        assertThat(published).extracting(ConsumerRecord::key).hasSize(COMPLAINTS).containsExactlyInAnyOrderElementsOf(ids);
        await().atMost(Duration.ofSeconds(10)).until(() -> pending() == 0);
    }
}
