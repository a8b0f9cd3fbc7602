package io.tousu.followup.duty;

import io.quarkus.test.junit.QuarkusTest;
import io.tousu.followup.IntakeEvents;
import io.tousu.followup.RoutingEvents;
import io.tousu.followup.TestClock;
import io.tousu.local.KafkaProbe;
import io.tousu.local.LocalInfra;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Timers in the database, fired by the scheduler as the injected clock runs weeks ahead. */
@QuarkusTest
class DueTimersTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String AGENT = LocalInfra.tokens().forRole("agent");
    private final KafkaProbe kafka = new KafkaProbe(LocalInfra.forThisJvm().kafkaBootstrap());

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.set(TestClock.START);
    }

    private List<ConsumerRecord<String, String>> followup(UUID complaint, String type, int expected) {
        return kafka.await("complaints.followup", r -> complaint.toString().equals(r.key())
                && type.equals(KafkaProbe.header(r, "ce_type")), expected, WAIT);
    }

    @Test
    void aComplaintLeftAloneGetsItsProgressNoticeThenBreachesAndEscalatesEachOnce() {
        Instant received = TestClock.START;
        UUID complaint = IntakeEvents.receivedComplaint(kafka, received, "COMPLAINT");
        assertThat(followup(complaint, "ClocksSet.v1", 1).get(0).value())
                .contains("\"kind\":\"PROGRESS_NOTICE\"", "\"kind\":\"REPLY\"", "\"kind\":\"PROMISE\"");

        // A day and an hour later: the notice goes to the customer by SMS, as they prefer.
        clock.set(received.plus(Duration.ofHours(25)));
        assertThat(followup(complaint, "ProgressNotified.v1", 1)).singleElement()
                .satisfies(r -> assertThat(r.value()).contains("\"channel\":\"SMS\""));
        List<ConsumerRecord<String, String>> tasks = kafka.await("notifications.outbound",
                r -> complaint.toString().equals(r.key()), 2, WAIT);
        assertThat(tasks).extracting(ConsumerRecord::value)
                .anySatisfy(v -> assertThat(v).contains("\"purpose\":\"PROGRESS_NOTICE\"", "\"to\":\"13800138000\""))
                .anySatisfy(v -> assertThat(v).contains("\"purpose\":\"PROMISE_AT_RISK\"", "\"to\":\"agent-007\""));
        given().auth().oauth2(AGENT).when().get("/api/v1/complaints/" + complaint + "/sla").then().statusCode(200)
                .body("deadlines.find { it.kind == 'PROGRESS_NOTICE' }.state", equalTo("MET"))
                .body("deadlines.find { it.kind == 'PROMISE' }.state", equalTo("BREACHED"));

        // Sixteen days on: the 15-day and the 5-working-day clocks are breached, and each asks for L2.
        clock.set(received.plus(Duration.ofDays(16)));
        List<ConsumerRecord<String, String>> breaches = followup(complaint, "SlaBreached.v1", 3);
        assertThat(breaches).extracting(ConsumerRecord::value)
                .anySatisfy(v -> assertThat(v).contains("\"kind\":\"RESOLVE\""))
                .anySatisfy(v -> assertThat(v).contains("\"kind\":\"REPLY\""))
                .anySatisfy(v -> assertThat(v).contains("\"kind\":\"PROMISE\""))
                .hasSize(3);
        assertThat(followup(complaint, "EscalationRequested.v1", 2)).hasSize(2)
                .allSatisfy(r -> assertThat(r.value()).contains("\"level\":\"L2\""));
        // Nothing fires twice, however often the poll runs.
        clock.set(received.plus(Duration.ofDays(30)));
        await().pollDelay(Duration.ofSeconds(1)).atMost(WAIT).until(() -> true);
        assertThat(followup(complaint, "ProgressNotified.v1", 1)).hasSize(1);
        assertThat(followup(complaint, "SlaBreached.v1", 3)).hasSize(3);
    }

    @Test
    void aResultInTimeStopsTheNoticeAndTheResolveClockSoNothingFires() {
        Instant received = TestClock.START;
        UUID complaint = IntakeEvents.receivedComplaint(kafka, received, "COMPLAINT");
        RoutingEvents.publish(kafka, complaint.toString(), UUID.randomUUID().toString(),
                RoutingEvents.dispatched(complaint, received.toString()));
        RoutingEvents.publish(kafka, "WorkOrderResultSubmitted.v1", complaint.toString(),
                UUID.randomUUID().toString(), RoutingEvents.resultSubmitted(complaint));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(AGENT)
                .when().get("/api/v1/complaints/" + complaint + "/sla").then()
                .body("deadlines.find { it.kind == 'RESOLVE' }.state", equalTo("MET")));

        clock.set(received.plus(Duration.ofDays(2)));
        // The reply clock still runs (no reply yet) and warns its owner, but no notice goes out.
        kafka.await("notifications.outbound", r -> complaint.toString().equals(r.key())
                && r.value().contains("\"purpose\":\"PROMISE_AT_RISK\""), 1, WAIT);
        assertThat(kafka.await("complaints.followup", r -> complaint.toString().equals(r.key()), 1, WAIT))
                .extracting(r -> KafkaProbe.header(r, "ce_type")).doesNotContain("ProgressNotified.v1");
    }
}
