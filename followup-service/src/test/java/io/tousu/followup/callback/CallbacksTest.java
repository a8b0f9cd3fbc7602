package io.tousu.followup.callback;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tousu.followup.RoutingEvents;
import io.tousu.followup.complaint.FollowedComplaint;
import io.tousu.local.KafkaProbe;
import io.tousu.local.LocalInfra;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** The loop with the customer, round after round, on the real broker and database. */
@QuarkusTest
class CallbacksTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String AGENT = LocalInfra.tokens().forRole("agent");
    private final KafkaProbe kafka = new KafkaProbe(LocalInfra.forThisJvm().kafkaBootstrap());

    private UUID dispatched() {
        return RoutingEvents.followedComplaint(kafka);
    }

    /** The department answers, and the agent replies to the customer. */
    private void answered(UUID complaint) {
        RoutingEvents.publish(kafka, "WorkOrderResultSubmitted.v1", complaint.toString(), UUID.randomUUID().toString(),
                RoutingEvents.resultSubmitted(complaint));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(AGENT).contentType(ContentType.JSON)
                .body("{\"agentId\":\"agent-007\",\"channel\":\"PHONE\",\"message\":\"您好，您反映的问题已处理完毕。\"}")
                .when().post("/api/v1/complaints/" + complaint + "/replies")
                .then().statusCode(201));
    }

    private static String callback(String level, boolean reached, String satisfaction, String comment) {
        return """
                {"level":"%s","reached":%s,"satisfaction":%s,"comment":%s,"agentId":"agent-009"}
                """.formatted(level, reached, satisfaction == null ? "null" : "\"" + satisfaction + "\"",
                comment == null ? "null" : "\"" + comment + "\"");
    }

    private static ValidatableResponse post(UUID complaint, String body) {
        return given().auth().oauth2(AGENT).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/complaints/" + complaint + "/callbacks").then();
    }

    private List<String> followupTypes(UUID complaint, int atLeast) {
        return kafka.await("complaints.followup", r -> complaint.toString().equals(r.key()), atLeast, WAIT).stream()
                .map(r -> KafkaProbe.header(r, "ce_type")).toList();
    }

    @Test
    void twoUnsatisfiedRoundsThenSatisfiedKeepsEveryRound() {
        UUID complaint = dispatched();
        answered(complaint);
        post(complaint, callback("L1", true, "UNSATISFIED", "退费金额不对")).statusCode(201)
                .body("outcome", equalTo("REOPENED")).body("round", equalTo(1));
        // Reopened: the next callback waits for the department's new result and a new reply.
        post(complaint, callback("L2", true, "SATISFIED", null)).statusCode(409);
        answered(complaint);
        post(complaint, callback("L2", true, "UNSATISFIED", null)).statusCode(201)
                .body("outcome", equalTo("REOPENED")).body("round", equalTo(2));
        answered(complaint);
        post(complaint, callback("L3", true, "BASICALLY_SATISFIED", "经理审查后满意")).statusCode(201)
                .body("outcome", equalTo("CLOSED")).body("round", equalTo(3));
        // Closed: no more callbacks (a sampled one takes one supervisory L3 call, see ReceiptsTest).
        post(complaint, callback("L1", true, "SATISFIED", null)).statusCode(409).contentType("application/problem+json");

        assertThat(QuarkusTransaction.requiringNew().call(() -> Callback.count("complaintId", complaint))).isEqualTo(3);
        // 3 replies, 3 callbacks, 2 reopenings, 1 closing.
        List<String> types = followupTypes(complaint, 9);
        assertThat(types).filteredOn("ComplaintReopened.v1"::equals).hasSize(2);
        assertThat(types).filteredOn("CallbackRecorded.v1"::equals).hasSize(3);
        assertThat(types).filteredOn("CustomerReplied.v1"::equals).hasSize(3);
        ConsumerRecord<String, String> closed = kafka.await("complaints.followup", r -> complaint.toString().equals(r.key())
                && "ComplaintClosed.v1".equals(KafkaProbe.header(r, "ce_type")), 1, WAIT).get(0);
        assertThat(closed.value()).contains("\"reason\":\"SATISFIED\"", "\"round\":3");
    }

    @Test
    void aCustomerNotReachedThreeTimesIsClosedAsUnreachable() {
        UUID complaint = dispatched();
        answered(complaint);
        post(complaint, callback("L1", false, null, "无人接听")).statusCode(201).body("outcome", equalTo("RETRY"));
        post(complaint, callback("L1", false, null, "关机")).statusCode(201).body("outcome", equalTo("RETRY"));
        post(complaint, callback("L1", false, null, null)).statusCode(201).body("outcome", equalTo("CLOSED"));
        assertThat(QuarkusTransaction.requiringNew().call(
                () -> FollowedComplaint.<FollowedComplaint>findById(complaint).closedReason)).isEqualTo("UNREACHABLE");
    }

    @Test
    void aWithdrawnComplaintIsClosedAndOwesNothingMore() {
        UUID complaint = dispatched();
        given().auth().oauth2(AGENT).contentType(ContentType.JSON).body("{\"channel\":\"HOTLINE\",\"agentId\":\"agent-007\"}")
                .when().post("/api/v1/complaints/" + complaint + "/withdrawal")
                .then().statusCode(200).body("closedReason", equalTo("WITHDRAWN"));
        assertThat(kafka.await("complaints.followup", r -> complaint.toString().equals(r.key())
                && "ComplaintClosed.v1".equals(KafkaProbe.header(r, "ce_type")), 1, WAIT))
                .singleElement().satisfies(r -> assertThat(r.value()).contains("\"reason\":\"WITHDRAWN\""));
        given().auth().oauth2(AGENT).when().get("/api/v1/complaints/" + complaint + "/sla")
                .then().body("deadlines.find { it.kind == 'REPLY' }.state", equalTo("MET"));
        given().auth().oauth2(AGENT).contentType(ContentType.JSON).body("{\"channel\":\"HOTLINE\",\"agentId\":\"agent-007\"}")
                .when().post("/api/v1/complaints/" + complaint + "/withdrawal").then().statusCode(409);
        post(complaint, callback("L1", true, "SATISFIED", null)).statusCode(409);
        given().auth().oauth2(AGENT).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/complaints/" + UUID.randomUUID() + "/withdrawal")
                .then().statusCode(400).body("errors.field", hasItems("channel", "agentId"));
    }

    @Test
    void aCallbackBeforeTheReplyOrWithBadFieldsIsRefused() {
        UUID complaint = dispatched();
        post(complaint, callback("L1", true, "SATISFIED", null)).statusCode(409).contentType("application/problem+json");
        post(complaint, "{\"level\":\"L9\",\"reached\":true}").statusCode(400)
                .body("errors.field", hasItems("level", "satisfaction", "agentId"));
        post(UUID.randomUUID(), callback("L1", true, "SATISFIED", null)).statusCode(404);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Callback.count("complaintId", complaint))).isZero();
    }
}
