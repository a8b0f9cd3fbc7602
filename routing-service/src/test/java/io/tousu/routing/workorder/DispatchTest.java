package io.tousu.routing.workorder;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.tousu.local.KafkaProbe;
import io.tousu.local.LocalInfra;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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

@QuarkusTest
class DispatchTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private final KafkaProbe kafka = new KafkaProbe(LocalInfra.forThisJvm().kafkaBootstrap());

    static String complaintReceived(UUID complaintId, String category) {
        return """
                {"complaintId":"%s","number":"TS20261122%06d","status":"RECEIVED","channel":"HOTLINE",
                 "channelRef":"CALL-%s","type":"COMPLAINT","receivedAt":"2026-11-22T09:15:00+08:00",
                 "customer":{"id":"C-1001","name":"张三","phone":"13800138000","vip":false},
                 "area":"北京市海淀区","category":"%s","subject":"未订制SP业务却被收取费用",
                 "description":"本月账单出现两笔信息费","resolvedOnFirstContact":false,"someFutureField":{"x":1}}
                """.formatted(complaintId, Math.abs(complaintId.hashCode() % 1_000_000), complaintId, category);
    }

    private void publish(String key, String eventId, String value) {
        kafka.send("complaints.received", key, value, Map.of(
                "ce_specversion", "1.0", "ce_id", eventId, "ce_type", "ComplaintReceived.v1",
                "ce_source", "/intake-service", "ce_subject", key));
    }

    private static long workOrdersOf(UUID complaintId) {
        return QuarkusTransaction.requiringNew().call(() -> WorkOrder.count("complaintId", complaintId));
    }

    @Test
    void dispatchesAComplaintToItsCategoryDepartmentOverKafkaAndRest() {
        UUID complaint = UUID.randomUUID();
        publish(complaint.toString(), UUID.randomUUID().toString(), complaintReceived(complaint, "FEES.SP_CHARGE"));

        List<ConsumerRecord<String, String>> orders = kafka.await("workorders.billing",
                r -> complaint.toString().equals(r.key()), 1, WAIT);
        assertThat(KafkaProbe.header(orders.get(0), "ce_type")).isEqualTo("WorkOrder.v1");
        assertThat(orders.get(0).value()).contains("\"department\":\"billing\"", "13800138000");

        List<ConsumerRecord<String, String>> dispatched = kafka.await("complaints.routing",
                r -> complaint.toString().equals(r.key()), 1, WAIT);
        assertThat(KafkaProbe.header(dispatched.get(0), "ce_type")).isEqualTo("WorkOrderDispatched.v1");
        assertThat(dispatched.get(0).value()).contains("\"ruleId\":\"category-department\"");

        given().auth().oauth2(LocalInfra.tokens().forDepartment("billing"))
                .when().get("/api/v1/departments/billing/work-orders?status=OPEN")
                .then().statusCode(200)
                .body("complaintId", hasItem(complaint.toString()));
    }

    @Test
    void sendsUncategorisedComplaintsToTheDefaultDepartment() {
        UUID complaint = UUID.randomUUID();
        publish(complaint.toString(), UUID.randomUUID().toString(), complaintReceived(complaint, "NO.SUCH_CODE"));
        kafka.await("workorders.service", r -> complaint.toString().equals(r.key()), 1, WAIT);
    }

    @Test
    void aRedeliveredEventCreatesOneWorkOrder() {
        UUID complaint = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String event = complaintReceived(complaint, "BASIC.NO_SIGNAL");
        publish(complaint.toString(), eventId, event);
        publish(complaint.toString(), eventId, event);
        // Same key, same partition: once this marker is dispatched, both copies were consumed.
        UUID marker = UUID.randomUUID();
        publish(complaint.toString(), UUID.randomUUID().toString(), complaintReceived(marker, "BASIC"));
        await().atMost(WAIT).until(() -> workOrdersOf(marker) == 1);

        assertThat(workOrdersOf(complaint)).isEqualTo(1);
        // The relay publishes in order: once the marker's work order is out, so is anything before it.
        kafka.await("workorders.network", r -> marker.toString().equals(r.key()), 1, WAIT);
        assertThat(kafka.await("workorders.network", r -> complaint.toString().equals(r.key()), 1, WAIT)).hasSize(1);
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheNextIsProcessed() {
        String key = UUID.randomUUID().toString();
        String poisonId = UUID.randomUUID().toString();
        publish(key, poisonId, "{this is not json");
        UUID next = UUID.randomUUID();
        publish(key, UUID.randomUUID().toString(), complaintReceived(next, "FEES"));

        List<ConsumerRecord<String, String>> dead = kafka.await("complaints.received.dlq",
                r -> poisonId.equals(KafkaProbe.header(r, "ce_id")), 1, WAIT);
        assertThat(KafkaProbe.header(dead.get(0), "dead-letter-reason")).isNotBlank();
        await().atMost(WAIT).until(() -> workOrdersOf(next) == 1);
    }

    @Test
    void aDepartmentSeesOnlyItsOwnQueue() {
        given().auth().oauth2(LocalInfra.tokens().forDepartment("network"))
                .when().get("/api/v1/departments/billing/work-orders")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(LocalInfra.tokens().forDepartment("network"))
                .when().get("/api/v1/departments/network/work-orders").then().statusCode(200);
        given().auth().oauth2(LocalInfra.tokens().forRole("supervisor"))
                .when().get("/api/v1/departments/billing/work-orders").then().statusCode(200);
        given().auth().oauth2(LocalInfra.tokens().forRole("channel"))
                .when().get("/api/v1/departments/billing/work-orders").then().statusCode(403);
    }

    @Test
    void answersUnknownDepartmentsAndStatusesWithProblems() {
        String supervisor = LocalInfra.tokens().forRole("supervisor");
        given().auth().oauth2(supervisor).when().get("/api/v1/departments/nowhere/work-orders")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(supervisor).when().get("/api/v1/departments/billing/work-orders?status=LOST")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
    }
}
