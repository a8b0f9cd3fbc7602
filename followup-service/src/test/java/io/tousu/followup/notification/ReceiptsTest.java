package io.tousu.followup.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The delivery systems' receipts, customers' SMS answers, and the sampled supervisory callback. */
@QuarkusTest
class ReceiptsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String AGENT = LocalInfra.tokens().forRole("agent");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final KafkaProbe kafka = new KafkaProbe(LocalInfra.forThisJvm().kafkaBootstrap());

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.set(TestClock.START);
    }

    /** Received, dispatched, answered by the department and replied to by the agent. */
    private UUID replied(UUID complaint) {
        IntakeEvents.receivedComplaint(kafka, complaint, TestClock.START, "COMPLAINT");
        RoutingEvents.publish(kafka, complaint.toString(), UUID.randomUUID().toString(),
                RoutingEvents.dispatched(complaint, TestClock.START.toString()));
        RoutingEvents.publish(kafka, "WorkOrderResultSubmitted.v1", complaint.toString(), UUID.randomUUID().toString(),
                RoutingEvents.resultSubmitted(complaint));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(AGENT).contentType(ContentType.JSON)
                .body("{\"agentId\":\"agent-007\",\"channel\":\"PHONE\",\"message\":\"您好，已为您退还误扣费用。\"}")
                .when().post("/api/v1/complaints/" + complaint + "/replies").then().statusCode(201));
        return complaint;
    }

    private JsonNode task(UUID complaint, String purpose, int attempt) {
        ConsumerRecord<String, String> r = kafka.await("notifications.outbound", x -> complaint.toString().equals(x.key())
                && x.value().contains("\"purpose\":\"" + purpose + "\"") && x.value().contains("\"attempt\":" + attempt),
                1, WAIT).get(0);
        try {
            return JSON.readTree(r.value());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private void receipt(UUID complaint, JsonNode task, String status, String answer) {
        String body = """
                {"taskId":"%s","complaintId":"%s","status":"%s","answer":%s,"at":"2026-11-23T05:00:00Z"}
                """.formatted(task.get("taskId").asText(), complaint, status, answer == null ? "null" : "\"" + answer + "\"");
        kafka.send("notifications.receipts", complaint.toString(), body, Map.of("ce_specversion", "1.0",
                "ce_id", UUID.randomUUID().toString(), "ce_type", "NotificationReceipt.v1", "ce_source", "/sms-gateway",
                "ce_subject", complaint.toString()));
    }

    private List<String> followupTypes(UUID complaint, String type, int expected) {
        return kafka.await("complaints.followup", r -> complaint.toString().equals(r.key())
                && type.equals(KafkaProbe.header(r, "ce_type")), expected, WAIT).stream().map(ConsumerRecord::value).toList();
    }

    @Test
    void anSmsAnswerToTheSurveyIsACallbackAndThreeReopensTheComplaint() {
        UUID complaint = replied(UUID.randomUUID());
        JsonNode survey = task(complaint, "SATISFACTION_SURVEY", 1);
        assertThat(survey.get("channel").asText()).isEqualTo("SMS");
        assertThat(survey.get("to").asText()).isEqualTo("13800138000");
        receipt(complaint, survey, "ANSWERED", "3");
        assertThat(followupTypes(complaint, "CallbackRecorded.v1", 1)).singleElement()
                .satisfies(v -> assertThat(v).contains("\"agentId\":\"sms-survey\"", "\"satisfaction\":\"UNSATISFIED\""));
        assertThat(followupTypes(complaint, "ComplaintReopened.v1", 1)).singleElement()
                .satisfies(v -> assertThat(v).contains("\"round\":2"));
        // A second answer to the same survey changes nothing: the round's callback was made.
        receipt(complaint, survey, "ANSWERED", "1");
        await().pollDelay(Duration.ofSeconds(1)).atMost(WAIT).until(() -> true);
        assertThat(followupTypes(complaint, "CallbackRecorded.v1", 1)).hasSize(1);
    }

    @Test
    void aFailedNoticeIsTriedByTheCustomersNextContact() {
        UUID complaint = replied(UUID.randomUUID());
        JsonNode survey = task(complaint, "SATISFACTION_SURVEY", 1);
        receipt(complaint, survey, "FAILED", null);
        JsonNode retry = task(complaint, "SATISFACTION_SURVEY", 2);
        assertThat(retry.get("channel").asText()).isEqualTo("PHONE");
        receipt(complaint, retry, "FAILED", null);
        assertThat(task(complaint, "SATISFACTION_SURVEY", 3).get("channel").asText()).isEqualTo("EMAIL");
    }

    @Test
    void aSampledClosedComplaintTakesOneSupervisoryCallbackThatCanReopenIt() {
        UUID sampled;
        do {
            sampled = UUID.randomUUID();
        } while (Long.remainderUnsigned(sampled.getLeastSignificantBits(), 10_000) >= 1_000);
        UUID complaint = replied(sampled);
        String satisfied = "{\"level\":\"L1\",\"reached\":true,\"satisfaction\":\"SATISFIED\",\"agentId\":\"agent-009\"}";
        given().auth().oauth2(AGENT).contentType(ContentType.JSON).body(satisfied)
                .when().post("/api/v1/complaints/" + complaint + "/callbacks").then().statusCode(201)
                .body("outcome", equalTo("CLOSED"));
        given().auth().oauth2(AGENT).when().get("/api/v1/followups/due?kind=SUPERVISORY_CALLBACK&size=200")
                .then().statusCode(200).body("items.complaintId", hasItem(complaint.toString()));
        given().auth().oauth2(AGENT).contentType(ContentType.JSON).body(satisfied)
                .when().post("/api/v1/complaints/" + complaint + "/callbacks").then().statusCode(409);
        given().auth().oauth2(AGENT).contentType(ContentType.JSON)
                .body("{\"level\":\"L3\",\"reached\":true,\"satisfaction\":\"UNSATISFIED\",\"comment\":\"其实没解决\",\"agentId\":\"sup-2\"}")
                .when().post("/api/v1/complaints/" + complaint + "/callbacks").then().statusCode(201)
                .body("outcome", equalTo("REOPENED"));
        assertThat(followupTypes(complaint, "ComplaintReopened.v1", 1)).singleElement()
                .satisfies(v -> assertThat(v).contains("supervisory callback"));
    }

    @Test
    void everyCustomerOfAnAnsweredIncidentIsToldAndTheReceiptSaysWhoWasReached() {
        UUID reached = UUID.randomUUID();
        UUID notReached = UUID.randomUUID();
        UUID incident = UUID.randomUUID();
        for (UUID complaint : List.of(reached, notReached)) {
            IntakeEvents.receivedComplaint(kafka, complaint, TestClock.START, "COMPLAINT");
            RoutingEvents.publish(kafka, complaint.toString(), UUID.randomUUID().toString(),
                    RoutingEvents.dispatched(complaint, TestClock.START.toString()));
            RoutingEvents.publish(kafka, "IncidentResolved.v1", complaint.toString(), UUID.randomUUID().toString(), """
                    {"complaintId":"%s","incidentId":"%s","family":"MOBILE_NETWORK","area":"广州市天河区",
                     "outcome":"RESOLVED","resolution":"基站传输故障已修复","openWorkOrderIds":[],
                     "resolvedAt":"2026-11-22T06:00:00Z"}""".formatted(complaint, incident));
        }
        JsonNode told = task(reached, "INCIDENT_RESOLVED", 1);
        assertThat(told.get("audience").asText()).isEqualTo("CUSTOMER");
        assertThat(told.get("text").asText()).contains("故障已处理完毕");
        receipt(reached, told, "DELIVERED", null);
        JsonNode failed = task(notReached, "INCIDENT_RESOLVED", 1);
        receipt(notReached, failed, "FAILED", null);
        assertThat(task(notReached, "INCIDENT_RESOLVED", 2).get("channel").asText()).isEqualTo("PHONE");
        await().atMost(WAIT).untilAsserted(() -> assertThat(QuarkusTransaction.requiringNew().call(() ->
                NotificationTask.<NotificationTask>findById(UUID.fromString(told.get("taskId").asText())).status))
                .isEqualTo(NotificationTask.Status.DELIVERED));
    }
}
