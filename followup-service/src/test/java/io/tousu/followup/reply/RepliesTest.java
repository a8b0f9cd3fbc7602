package io.tousu.followup.reply;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tousu.followup.RoutingEvents;
import io.tousu.local.KafkaProbe;
import io.tousu.local.LocalInfra;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
class RepliesTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String AGENT = LocalInfra.tokens().forRole("agent");
    private final KafkaProbe kafka = new KafkaProbe(LocalInfra.forThisJvm().kafkaBootstrap());

    private static String reply(String message, boolean acknowledge) {
        return """
                {"agentId":"agent-007","channel":"PHONE","message":"%s","acknowledgeWarnings":%s}
                """.formatted(message, acknowledge);
    }

    private UUID dispatched() {
        return RoutingEvents.followedComplaint(kafka);
    }

    private void resultIn(UUID complaint) {
        RoutingEvents.publish(kafka, "WorkOrderResultSubmitted.v1", complaint.toString(), UUID.randomUUID().toString(),
                RoutingEvents.resultSubmitted(complaint));
    }

    private static long replies(UUID complaint) {
        return QuarkusTransaction.requiringNew().call(() -> CustomerReply.count("complaintId", complaint));
    }

    @Test
    void aReplyBeforeTheDepartmentsResultIsAConflict() {
        UUID complaint = dispatched();
        given().auth().oauth2(AGENT).contentType(ContentType.JSON).body(reply("您好，您的问题已处理。", false))
                .when().post("/api/v1/complaints/" + complaint + "/replies")
                .then().statusCode(409).contentType("application/problem+json");
        assertThat(replies(complaint)).isZero();
    }

    @Test
    void aCourteousReplyStopsTheReplyClockAndIsPublished() {
        UUID complaint = dispatched();
        resultIn(complaint);
        String body = reply("您好，关于您反映的SP扣费问题，我们已为您退还10元，给您带来不便请您原谅。", false);
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(AGENT).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/complaints/" + complaint + "/replies")
                .then().statusCode(201).body("agentId", equalTo("agent-007")).body("warnings.size()", equalTo(0)));

        given().auth().oauth2(AGENT).when().get("/api/v1/complaints/" + complaint + "/sla")
                .then().statusCode(200).body("deadlines.find { it.kind == 'REPLY' }.state", equalTo("MET"));
        assertThat(kafka.await("complaints.followup", r -> complaint.toString().equals(r.key())
                && "CustomerReplied.v1".equals(KafkaProbe.header(r, "ce_type")), 1, WAIT))
                .singleElement().satisfies(r -> assertThat(r.value()).contains("\"agentId\":\"agent-007\"", "\"channel\":\"PHONE\""));
    }

    @Test
    void forbiddenPhrasesAreRefusedUnlessAcknowledgedAndThenRecorded() {
        UUID complaint = dispatched();
        resultIn(complaint);
        String rude = "这个情况我们已经处理了，你听懂了吗？这又不是我的错。";
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(AGENT).contentType(ContentType.JSON)
                .body(reply(rude, false))
                .when().post("/api/v1/complaints/" + complaint + "/replies")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("/problems/forbidden-phrases"))
                .body("errors.message", hasItems(containsString("你听懂了吗"), containsString("这又不是我的错"))));
        assertThat(replies(complaint)).isZero();

        given().auth().oauth2(AGENT).contentType(ContentType.JSON).body(reply(rude, true))
                .when().post("/api/v1/complaints/" + complaint + "/replies")
                .then().statusCode(201).body("warnings", contains("这又不是我的错", "你听懂了吗"));
        assertThat(replies(complaint)).isEqualTo(1);
    }

    @Test
    void aCompensationAboveTheHandlingLevelsAuthorityGoesUpBeforeTheCustomerIsAnswered() {
        UUID complaint = dispatched();
        RoutingEvents.publish(kafka, "WorkOrderResultSubmitted.v1", complaint.toString(), UUID.randomUUID().toString(),
                RoutingEvents.resultSubmitted(complaint, "800.00"));
        // 800 CNY at L1 (limit 50): L3 (limit 5,000) must approve it.
        assertThat(kafka.await("complaints.followup", r -> complaint.toString().equals(r.key())
                && "EscalationRequested.v1".equals(KafkaProbe.header(r, "ce_type")), 1, WAIT))
                .singleElement().satisfies(r -> assertThat(r.value())
                        .contains("\"level\":\"L3\"", "800.00 CNY exceeds L1's authority of 50 CNY"));
        given().auth().oauth2(AGENT).contentType(ContentType.JSON).body(reply("您好，已为您办理补偿。", false))
                .when().post("/api/v1/complaints/" + complaint + "/replies")
                .then().statusCode(409);
    }

    @Test
    void badInputUnknownComplaintsAndWrongRolesGetProblems() {
        UUID complaint = dispatched();
        given().auth().oauth2(AGENT).contentType(ContentType.JSON).body("{\"channel\":\"FAX\",\"message\":\"\"}")
                .when().post("/api/v1/complaints/" + complaint + "/replies")
                .then().statusCode(400).body("errors.field", hasItems("agentId", "channel", "message"));
        given().auth().oauth2(AGENT).contentType(ContentType.JSON).body(reply("您好", false))
                .when().post("/api/v1/complaints/" + UUID.randomUUID() + "/replies")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(LocalInfra.tokens().forRole("analyst")).contentType(ContentType.JSON).body(reply("您好", false))
                .when().post("/api/v1/complaints/" + complaint + "/replies")
                .then().statusCode(403);
        assertThat(replies(complaint)).isZero();
    }
}
