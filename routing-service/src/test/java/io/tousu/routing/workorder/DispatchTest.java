package io.tousu.routing.workorder;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.tousu.local.KafkaProbe;
import io.tousu.local.LocalInfra;
import io.tousu.routing.Complaints;
import io.tousu.routing.complaint.RoutedComplaint;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.tousu.routing.Complaints.WAIT;
import static io.tousu.routing.Complaints.onlyWorkOrderOf;
import static io.tousu.routing.Complaints.workOrdersOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class DispatchTest {
    private final Complaints complaints = new Complaints();
    private final KafkaProbe kafka = complaints.kafka();

    @Test
    void dispatchesAComplaintToItsCategoryDepartmentOverKafkaAndRest() {
        UUID complaint = complaints.complaint("FEES.SP_CHARGE").publish();

        List<ConsumerRecord<String, String>> orders = kafka.await("workorders.billing",
                r -> complaint.toString().equals(r.key()), 1, WAIT);
        assertThat(KafkaProbe.header(orders.get(0), "ce_type")).isEqualTo("WorkOrder.v1");
        assertThat(orders.get(0).value()).contains("\"department\":\"billing\"", "\"priority\":\"NORMAL\"");

        List<ConsumerRecord<String, String>> dispatched = kafka.await("complaints.routing",
                r -> complaint.toString().equals(r.key()), 1, WAIT);
        assertThat(KafkaProbe.header(dispatched.get(0), "ce_type")).isEqualTo("WorkOrderDispatched.v1");
        assertThat(dispatched.get(0).value()).contains("\"ruleId\":\"category-department\"", "\"ruleVersion\":",
                "\"categorySource\":\"GIVEN\"");

        given().auth().oauth2(LocalInfra.tokens().forDepartment("billing"))
                .when().get("/api/v1/departments/billing/work-orders?status=OPEN")
                .then().statusCode(200)
                .body("complaintId", hasItem(complaint.toString()));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("routing_work_orders_dispatched_total{department=\"billing\",priority=\"NORMAL\"}"));
    }

    @Test
    void classifiesAComplaintWithoutCategoryFromItsText() {
        UUID complaint = complaints.complaint(null).set("subject", "家里手机没信号")
                .set("description", "最近一周在家里手机一格信号都没有,打电话要跑到阳台上。").publish();
        WorkOrder order = onlyWorkOrderOf(complaint);
        assertThat(order.department).isEqualTo("network");
        assertThat(order.category).isEqualTo("BASIC.NO_SIGNAL");
        assertThat(QuarkusTransaction.requiringNew().call(() ->
                RoutedComplaint.<RoutedComplaint>findById(complaint).categorySource)).isEqualTo("CLASSIFIED");
    }

    @Test
    void sendsComplaintsThatNothingClassifiesToTheDefaultDepartment() {
        UUID complaint = complaints.complaint("NO.SUCH_CODE").set("subject", "其他问题").set("description", "请回电")
                .publish();
        kafka.await("workorders.service", r -> complaint.toString().equals(r.key()), 1, WAIT);
    }

    @Test
    void regulatorReferralsAreUrgentAndEscalatedAtOnceWithTheirReasons() {
        UUID complaint = complaints.complaint("BASIC.DATA").set("channel", "REGULATOR").referral("MIIT")
                .set("description", "用户称已向工信部申诉,上网一直很慢").vip().publish();
        WorkOrder order = onlyWorkOrderOf(complaint);
        assertThat(order.priority).isEqualTo(Priority.URGENT);
        assertThat(order.escalationLevel).isEqualTo(3);
        assertThat(order.ruleId).isEqualTo("regulator-referral");
        assertThat(order.department).isEqualTo("network");
        assertThat(order.priorityReasons).contains("CHANNEL:REGULATOR", "REFERRAL:MIIT", "VIP", "WORDING:工信部");
    }

    @Test
    void escalationWordingRaisesPriorityToHigh() {
        UUID complaint = complaints.complaint("FEES.PACKAGE").set("description", "再不解决我就找媒体曝光").publish();
        WorkOrder order = onlyWorkOrderOf(complaint);
        assertThat(order.priority).isEqualTo(Priority.HIGH);
        assertThat(order.priorityReasons).containsExactly("WORDING:曝光", "WORDING:媒体");
    }

    @Test
    void aRedeliveredEventCreatesOneWorkOrder() {
        Complaints.Event event = complaints.complaint("BASIC.NO_SIGNAL");
        String eventId = UUID.randomUUID().toString();
        event.publish(eventId);
        event.publish(eventId);
        // Same complaint re-published under a new event id: still one work order.
        event.publish();
        // Same key, same partition: once this marker is dispatched, all three copies were consumed.
        Complaints.Event marker = complaints.complaint("BASIC");
        kafka.send("complaints.received", event.id.toString(), marker.json(), Map.of("ce_specversion", "1.0",
                "ce_id", UUID.randomUUID().toString(), "ce_type", "ComplaintReceived.v1"));
        await().atMost(WAIT).until(() -> workOrdersOf(marker.id) == 1);

        assertThat(workOrdersOf(event.id)).isEqualTo(1);
        kafka.await("workorders.network", r -> marker.id.toString().equals(r.key()), 1, WAIT);
        assertThat(kafka.await("workorders.network", r -> event.id.toString().equals(r.key()), 1, WAIT)).hasSize(1);
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheNextIsProcessed() {
        Complaints.Event next = complaints.complaint("FEES");
        String key = next.id.toString();
        String poisonId = UUID.randomUUID().toString();
        kafka.send("complaints.received", key, "{this is not json", Map.of("ce_id", poisonId,
                "ce_type", "ComplaintReceived.v1"));
        String incompleteId = UUID.randomUUID().toString();
        kafka.send("complaints.received", key, "{\"number\":\"TS1\"}", Map.of("ce_id", incompleteId,
                "ce_type", "ComplaintReceived.v1"));
        next.publish();

        List<ConsumerRecord<String, String>> dead = kafka.await("complaints.received.dlq",
                r -> poisonId.equals(KafkaProbe.header(r, "ce_id")) || incompleteId.equals(KafkaProbe.header(r, "ce_id")),
                2, WAIT);
        assertThat(dead).allSatisfy(r -> assertThat(KafkaProbe.header(r, "dead-letter-reason")).isNotBlank());
        await().atMost(WAIT).until(() -> workOrdersOf(next.id) == 1);
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
        given().auth().oauth2(supervisor).when().get("/api/v1/work-orders?complaintId=nope")
                .then().statusCode(400).body("errors.field", contains("complaintId"));
    }
}
