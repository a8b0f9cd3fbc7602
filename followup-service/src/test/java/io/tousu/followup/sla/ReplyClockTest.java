package io.tousu.followup.sla;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.tousu.followup.RoutingEvents;
import io.tousu.followup.TestClock;
import io.tousu.local.KafkaProbe;
import io.tousu.local.LocalInfra;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class ReplyClockTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long SEEDS_CLOCKS_WITHOUT_FACTS = 3;
    private static final String AGENT = LocalInfra.tokens().forRole("agent");
    private final KafkaProbe kafka = new KafkaProbe(LocalInfra.forThisJvm().kafkaBootstrap());

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.set(TestClock.START);
    }

    static String dispatched(UUID complaintId) {
        return RoutingEvents.dispatched(complaintId, "2026-11-22T09:15:00+08:00");
    }

    private void publish(String key, String eventId, String value) {
        RoutingEvents.publish(kafka, key, eventId, value);
    }

    private static long clocksOf(UUID complaintId) {
        return QuarkusTransaction.requiringNew().call(() -> SlaClock.count("complaintId", complaintId));
    }

    @Test
    void aDispatchOpensTheReplyClockDueAtTheEndOfTheFifthWorkingDay() {
        UUID complaint = UUID.randomUUID();
        publish(complaint.toString(), UUID.randomUUID().toString(), dispatched(complaint));
        // Before its receipt is read: the seeds' clocks that need no facts (progress notice, resolve, reply).
        await().atMost(WAIT).until(() -> clocksOf(complaint) == SEEDS_CLOCKS_WITHOUT_FACTS);

        // Received on Sunday 22 November: counted from Monday, the fifth working day is Friday.
        given().auth().oauth2(AGENT).when().get("/api/v1/complaints/" + complaint + "/sla")
                .then().statusCode(200)
                
                .body("deadlines.find { it.kind == 'REPLY' }.dueAt", equalTo("2026-11-27T23:59:59+08:00"))
                .body("deadlines.find { it.kind == 'REPLY' }.state", equalTo("PENDING"))
                .body("deadlines.find { it.kind == 'REPLY' }.pack", equalTo("seeds"))
                .body("deadlines.find { it.kind == 'REPLY' }.calendarVersion", equalTo("2026.1"));

        clock.set(Instant.parse("2026-11-27T16:00:00Z"));
        given().auth().oauth2(AGENT).when().get("/api/v1/complaints/" + complaint + "/sla")
                .then().statusCode(200).body("deadlines.find { it.kind == 'REPLY' }.state", equalTo("BREACHED"));
    }

    @Test
    void aRedeliveredOrRepeatedDispatchKeepsOneClockOfEachKind() {
        UUID complaint = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        publish(complaint.toString(), eventId, dispatched(complaint));
        publish(complaint.toString(), eventId, dispatched(complaint));
        publish(complaint.toString(), UUID.randomUUID().toString(), dispatched(complaint));
        UUID marker = UUID.randomUUID();
        publish(complaint.toString(), UUID.randomUUID().toString(), dispatched(marker));
        await().atMost(WAIT).until(() -> clocksOf(marker) == SEEDS_CLOCKS_WITHOUT_FACTS);
        assertThat(clocksOf(complaint)).isEqualTo(SEEDS_CLOCKS_WITHOUT_FACTS);
    }

    @Test
    void aDispatchWithoutComplaintIsDeadLetteredAndStoresNothing() {
        String key = UUID.randomUUID().toString();
        String poisonId = UUID.randomUUID().toString();
        publish(key, poisonId, "{\"workOrderId\":\"" + UUID.randomUUID() + "\",\"department\":\"billing\"}");
        assertThat(kafka.await("complaints.routing.dlq", r -> poisonId.equals(KafkaProbe.header(r, "ce_id")), 1, WAIT))
                .hasSize(1);
        UUID next = UUID.randomUUID();
        publish(key, UUID.randomUUID().toString(), dispatched(next));
        await().atMost(WAIT).until(() -> clocksOf(next) == SEEDS_CLOCKS_WITHOUT_FACTS);
        assertThat(QuarkusTransaction.requiringNew().call(() -> SlaClock.count("complaintId is null"))).isZero();
    }

    @Test
    void answersUnknownComplaintsAndAnonymousCallersWithProblems() {
        given().auth().oauth2(AGENT).when().get("/api/v1/complaints/" + UUID.randomUUID() + "/sla")
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/complaints/" + UUID.randomUUID() + "/sla")
                .then().statusCode(401).contentType("application/problem+json");
    }
}
