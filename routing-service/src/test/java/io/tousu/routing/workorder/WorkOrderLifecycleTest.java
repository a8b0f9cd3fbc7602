package io.tousu.routing.workorder;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tousu.local.KafkaProbe;
import io.tousu.local.LocalInfra;
import io.tousu.routing.Complaints;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.tousu.routing.Complaints.WAIT;
import static io.tousu.routing.Complaints.onlyWorkOrderOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class WorkOrderLifecycleTest {
    private static final String RESULT = """
            {"outcome":"RESOLVED","resolution":"已核实为SP违规扣费,退还两笔信息费","rootCause":"COMPANY",
             "responsibleParty":"某SP公司","compensation":{"kind":"REFUND","amount":"20.00"},"handledBy":"王五"}""";

    private final Complaints complaints = new Complaints();
    private final KafkaProbe kafka = complaints.kafka();

    private static String billing() {
        return LocalInfra.tokens().forDepartment("billing");
    }

    private static void post(String token, UUID order, String action, String body, int status) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/work-orders/" + order + "/" + action).then().statusCode(status);
    }

    @Test
    void acceptThenResultPublishesBothAndIllegalStepsAre409() {
        UUID complaint = complaints.complaint("FEES.SP_CHARGE").publish();
        UUID order = onlyWorkOrderOf(complaint).id;

        post(billing(), order, "result", RESULT, 409);
        given().auth().oauth2(billing()).contentType(ContentType.JSON).body("{\"handler\":\"王五\"}")
                .when().post("/api/v1/work-orders/" + order + "/accept")
                .then().statusCode(200).body("status", equalTo("ACCEPTED")).body("handler", equalTo("王五"));
        post(billing(), order, "accept", "{\"handler\":\"王五\"}", 409);
        given().auth().oauth2(billing()).contentType(ContentType.JSON).body(RESULT)
                .when().post("/api/v1/work-orders/" + order + "/result")
                .then().statusCode(200).body("status", equalTo("DONE"))
                .body("result.compensation.amount", equalTo("20.00"));
        post(billing(), order, "return", "{\"reason\":\"不是我们的\"}", 409);

        var events = kafka.await("complaints.routing", r -> complaint.toString().equals(r.key()), 3, WAIT);
        assertThat(events).extracting(r -> KafkaProbe.header(r, "ce_type"))
                .containsExactly("WorkOrderDispatched.v1", "WorkOrderAccepted.v1", "WorkOrderResultSubmitted.v1");
        assertThat(events.get(2).value()).contains("\"rootCause\":\"COMPANY\"", "\"amount\":\"20.00\"");
    }

    @Test
    void aDepartmentActsOnlyOnItsOwnOrdersAndInputIsChecked() {
        UUID order = onlyWorkOrderOf(complaints.complaint("FEES.SP_CHARGE").publish()).id;
        given().auth().oauth2(LocalInfra.tokens().forDepartment("network")).contentType(ContentType.JSON)
                .body("{\"handler\":\"x\"}").when().post("/api/v1/work-orders/" + order + "/accept")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(billing()).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/work-orders/" + order + "/accept")
                .then().statusCode(400).body("errors.field", contains("handler"));
        post(billing(), order, "accept", "{\"handler\":\"王五\"}", 200);
        given().auth().oauth2(billing()).contentType(ContentType.JSON)
                .body("{\"outcome\":\"FIXED\",\"rootCause\":\"NOBODY\",\"compensation\":{\"kind\":\"REFUND\",\"amount\":\"-3\"}}")
                .when().post("/api/v1/work-orders/" + order + "/result")
                .then().statusCode(400)
                .body("errors.field", containsInAnyOrder("outcome", "resolution", "rootCause", "compensation.amount"));
        post(billing(), UUID.randomUUID(), "accept", "{\"handler\":\"王五\"}", 404);
        given().auth().oauth2(billing()).when().get("/api/v1/work-orders/" + order).then().statusCode(200)
                .body("status", equalTo("ACCEPTED"));
    }

    @Test
    void aReturnedOrderIsReroutedNeverBackToADepartmentThatReturnedIt() {
        UUID complaint = complaints.complaint("FEES.SP_CHARGE").publish();
        UUID first = onlyWorkOrderOf(complaint).id;

        given().auth().oauth2(billing()).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/work-orders/" + first + "/return")
                .then().statusCode(400).body("errors.field", contains("reason"));
        given().auth().oauth2(billing()).contentType(ContentType.JSON).body("{\"reason\":\"属于梦网业务,非计费问题\"}")
                .when().post("/api/v1/work-orders/" + first + "/return")
                .then().statusCode(200).body("status", equalTo("RETURNED")).body("reroutedTo", notNullValue());

        // Billing is excluded; no rule offers another department, so the default department triages at L2.
        given().auth().oauth2(LocalInfra.tokens().forRole("supervisor"))
                .when().get("/api/v1/work-orders?complaintId=" + complaint)
                .then().statusCode(200).body("", hasSize(2))
                .body("department", contains("billing", "service"))
                .body("status", contains("RETURNED", "OPEN"))
                .body("[1].ruleId", equalTo("triage")).body("[1].escalationLevel", equalTo(2));
        kafka.await("workorders.service", r -> complaint.toString().equals(r.key()), 1, WAIT);
        var events = kafka.await("complaints.routing", r -> complaint.toString().equals(r.key()), 3, WAIT);
        assertThat(events).extracting(r -> KafkaProbe.header(r, "ce_type"))
                .containsExactly("WorkOrderDispatched.v1", "WorkOrderReturned.v1", "WorkOrderDispatched.v1");
        assertThat(events.get(2).value()).contains("\"replaces\":\"" + first + "\"");
    }

    @Test
    void resultsFromTheTopicAreAppliedAndBadOnesDeadLettered() {
        UUID complaint = complaints.complaint("FEES.SP_CHARGE").publish();
        UUID order = onlyWorkOrderOf(complaint).id;
        post(billing(), order, "accept", "{\"handler\":\"王五\"}", 200);

        String key = order.toString();
        kafka.send("workorders.results", key, "{\"workOrderId\":\"" + order + "\",\"outcome\":\"MAYBE\"}", Map.of());
        kafka.send("workorders.results", key, "not json at all", Map.of());
        String result = RESULT.replace("{\"outcome\"", "{\"workOrderId\":\"" + order + "\",\"outcome\"");
        kafka.send("workorders.results", key, result, Map.of("ce_id", "result-" + order));
        kafka.send("workorders.results", key, result, Map.of("ce_id", "result-" + order));

        await().atMost(WAIT).until(() -> onlyWorkOrderOf(complaint).status == WorkOrderStatus.DONE);
        var dead = kafka.await("workorders.results.dlq", r -> key.equals(r.key()), 2, WAIT);
        assertThat(dead).extracting(r -> KafkaProbe.header(r, "dead-letter-reason"))
                .anySatisfy(reason -> assertThat(reason).contains("outcome"));
        // The duplicate was recognised, not dead-lettered as an illegal second result.
        var results = kafka.await("complaints.routing", r -> complaint.toString().equals(r.key())
                && "WorkOrderResultSubmitted.v1".equals(KafkaProbe.header(r, "ce_type")), 1, WAIT);
        assertThat(results).hasSize(1);
        assertThat(kafka.await("workorders.results.dlq", r -> key.equals(r.key()), 2, WAIT)).hasSize(2);
    }

    @Test
    void aDepartmentAnswersOnItsOwnResultsTopicOnlyItsOwnOrders() {
        UUID complaint = complaints.complaint("FEES.SP_CHARGE").publish();
        UUID order = onlyWorkOrderOf(complaint).id;
        post(billing(), order, "accept", "{\"handler\":\"王五\"}", 200);
        String key = order.toString();
        String result = RESULT.replace("{\"outcome\"", "{\"workOrderId\":\"" + order + "\",\"outcome\"");

        // The network department's app cannot answer billing's order, even with a valid result.
        kafka.send("workorders.results.network", key, result, Map.of("ce_id", "network-" + order));
        var refused = kafka.await("workorders.results.network.dlq", r -> key.equals(r.key()), 1, WAIT);
        assertThat(KafkaProbe.header(refused.get(0), "dead-letter-reason"))
                .contains("workorders.results.network", "of billing", "only its own orders");
        assertThat(onlyWorkOrderOf(complaint).status).isEqualTo(WorkOrderStatus.ACCEPTED);

        kafka.send("workorders.results.billing", key, result, Map.of("ce_id", "billing-" + order));
        await().atMost(WAIT).until(() -> onlyWorkOrderOf(complaint).status == WorkOrderStatus.DONE);
    }
}
