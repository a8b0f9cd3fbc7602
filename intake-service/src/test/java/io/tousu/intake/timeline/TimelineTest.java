package io.tousu.intake.timeline;

import io.quarkus.test.junit.QuarkusTest;
import io.tousu.local.KafkaProbe;
import io.tousu.local.LocalInfra;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.tousu.intake.complaint.Submissions.example;
import static io.tousu.intake.complaint.Submissions.post;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class TimelineTest {
    private static final String CHANNEL = LocalInfra.tokens().forRole("channel");
    private final KafkaProbe kafka = new KafkaProbe(LocalInfra.forThisJvm().kafkaBootstrap());

    private void publish(String topic, String type, String complaintId, String eventId, String time, String data) {
        kafka.send(topic, complaintId, data, Map.of("ce_specversion", "1.0", "ce_id", eventId, "ce_type", type,
                "ce_source", "/test", "ce_subject", complaintId, "ce_time", time));
    }

    @Test
    void showsRoutingAndFollowupEventsInOrderAndKeepsTheLatestStatus() {
        String id = post(example("CALL-" + UUID.randomUUID()), CHANNEL).then().statusCode(201).extract().path("id");
        String dispatchId = UUID.randomUUID().toString();
        String dispatched = """
                {"complaintId":"%s","department":"billing","ruleId":"category-department","ruleVersion":1}""".formatted(id);
        publish("complaints.routing", "WorkOrderDispatched.v1", id, dispatchId, "2026-11-22T02:00:00Z", dispatched);
        publish("complaints.routing", "WorkOrderDispatched.v1", id, dispatchId, "2026-11-22T02:00:00Z", dispatched);
        publish("complaints.followup", "CustomerReplied.v1", id, UUID.randomUUID().toString(), "2026-11-23T03:00:00Z",
                "{\"complaintId\":\"%s\",\"agentId\":\"A1001\",\"channel\":\"PHONE\"}".formatted(id));
        // Accepted happened before the reply but arrives after it: a line in the timeline, no status change.
        publish("complaints.routing", "WorkOrderAccepted.v1", id, UUID.randomUUID().toString(), "2026-11-22T05:00:00Z",
                "{\"complaintId\":\"%s\",\"department\":\"billing\",\"handler\":\"王五\"}".formatted(id));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(CHANNEL)
                .when().get("/api/v1/complaints/" + id).then().statusCode(200)
                .body("timeline", hasSize(4))
                .body("timeline.type", contains("RECEIVED", "WorkOrderDispatched", "WorkOrderAccepted", "CustomerReplied"))
                .body("timeline[1].detail", equalTo("dispatched to billing (rule category-department v1)"))
                .body("status", equalTo("REPLIED")));
    }

    @Test
    void findsComplaintsByNumberAndByCustomerPhone() {
        String phone = "139" + String.format("%08d", Math.abs(UUID.randomUUID().getMostSignificantBits() % 100_000_000L));
        String body = example("CALL-" + UUID.randomUUID()).replace("\"phone\": \"13800138000\"", "\"phone\": \"" + phone + "\"");
        String number = post(body, CHANNEL).then().statusCode(201).extract().path("number");

        given().auth().oauth2(CHANNEL).queryParam("number", number).when().get("/api/v1/complaints")
                .then().statusCode(200).body("number", contains(number));
        given().auth().oauth2(CHANNEL).queryParam("phone", phone).when().get("/api/v1/complaints")
                .then().statusCode(200).body("number", contains(number));
        given().auth().oauth2(CHANNEL).when().get("/api/v1/complaints")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(CHANNEL).queryParam("phone", "12").when().get("/api/v1/complaints")
                .then().statusCode(400).body("errors[0].field", equalTo("phone"));
    }
}
