package io.tousu.routing.escalation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tousu.local.KafkaProbe;
import io.tousu.local.LocalInfra;
import io.tousu.routing.Complaints;
import io.tousu.routing.workorder.WorkOrder;
import io.tousu.routing.workorder.WorkOrderStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.tousu.routing.Complaints.WAIT;
import static io.tousu.routing.Complaints.onlyWorkOrderOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class EscalationTest {
    private final Complaints complaints = new Complaints();
    private final KafkaProbe kafka = complaints.kafka();

    private static List<WorkOrder> ordersOf(UUID complaint) {
        return QuarkusTransaction.requiringNew().call(() -> WorkOrder.list("complaintId = ?1 order by createdAt", complaint));
    }

    private static void finish(UUID order) {
        String billing = LocalInfra.tokens().forDepartment("billing");
        given().auth().oauth2(billing).contentType(ContentType.JSON).body("{\"handler\":\"王五\"}")
                .post("/api/v1/work-orders/" + order + "/accept").then().statusCode(200);
        given().auth().oauth2(billing).contentType(ContentType.JSON)
                .body("{\"outcome\":\"RESOLVED\",\"resolution\":\"已退费\",\"rootCause\":\"COMPANY\"}")
                .post("/api/v1/work-orders/" + order + "/result").then().statusCode(200);
    }

    @Test
    void aReopenedComplaintGoesBackToItsDepartmentAndASecondReopenToTheManager() {
        UUID complaint = complaints.complaint("FEES.SP_CHARGE").publish();
        finish(onlyWorkOrderOf(complaint).id);

        complaints.followup(complaint, "ComplaintReopened.v1", "{\"complaintId\":\"" + complaint + "\",\"reason\":\"客户不满意\"}");
        await().atMost(WAIT).until(() -> ordersOf(complaint).size() == 2);
        WorkOrder again = ordersOf(complaint).get(1);
        assertThat(again.department).isEqualTo("billing");
        assertThat(again.escalationLevel).isEqualTo(2);
        assertThat(again.priorityReasons).contains("REOPENED");
        finish(again.id);

        complaints.followup(complaint, "ComplaintReopened.v1", "{\"complaintId\":\"" + complaint + "\",\"reason\":\"仍不满意\"}");
        await().atMost(WAIT).until(() -> ordersOf(complaint).size() == 3);
        assertThat(ordersOf(complaint).get(2).escalationLevel).isEqualTo(3);

        var escalated = kafka.await("complaints.routing", r -> complaint.toString().equals(r.key())
                && "ComplaintEscalated.v1".equals(KafkaProbe.header(r, "ce_type")), 2, WAIT);
        assertThat(escalated.get(0).value()).contains("\"fromLevel\":1", "\"escalationLevel\":2", "\"trigger\":\"REOPENED\"");
        assertThat(escalated.get(1).value()).contains("\"fromLevel\":2", "\"escalationLevel\":3");
    }

    @Test
    void anEscalationRequestRaisesTheActiveOrderAndResendsItToTheDepartment() {
        UUID complaint = complaints.complaint("FEES.SP_CHARGE").publish();
        UUID order = onlyWorkOrderOf(complaint).id;

        complaints.followup(complaint, "EscalationRequested.v1",
                "{\"complaintId\":\"" + complaint + "\",\"level\":\"L4\",\"reason\":\"赔偿金额超出权限\"}");
        await().atMost(WAIT).until(() -> ordersOf(complaint).get(0).escalationLevel == 4);
        assertThat(ordersOf(complaint)).hasSize(1);
        var sent = kafka.await("workorders.billing", r -> complaint.toString().equals(r.key()), 2, WAIT);
        assertThat(sent.get(1).value()).contains("\"workOrderId\":\"" + order + "\"", "\"escalationLevel\":4");
        kafka.await("complaints.routing", r -> complaint.toString().equals(r.key())
                && "ComplaintEscalated.v1".equals(KafkaProbe.header(r, "ce_type")), 1, WAIT);
    }

    @Test
    void aWithdrawnComplaintsOpenOrderIsCancelledAndItsDepartmentTold() {
        UUID complaint = complaints.complaint("FEES.SP_CHARGE").publish();
        UUID order = onlyWorkOrderOf(complaint).id;
        // A satisfied closing changes nothing here; a withdrawal cancels what is still open.
        complaints.followup(complaint, "ComplaintClosed.v1",
                "{\"complaintId\":\"" + complaint + "\",\"reason\":\"WITHDRAWN\",\"round\":1}");
        await().atMost(WAIT).until(() -> ordersOf(complaint).get(0).status == WorkOrderStatus.CANCELLED);
        assertThat(ordersOf(complaint)).hasSize(1);
        assertThat(kafka.await("workorders.billing", r -> complaint.toString().equals(r.key())
                && "WorkOrderCancelled.v1".equals(KafkaProbe.header(r, "ce_type")), 1, WAIT))
                .singleElement().satisfies(r -> assertThat(r.value()).contains("\"workOrderId\":\"" + order + "\"",
                        "\"reason\":\"WITHDRAWN\""));
        String billing = LocalInfra.tokens().forDepartment("billing");
        given().auth().oauth2(billing).contentType(ContentType.JSON).body("{\"handler\":\"王五\"}")
                .post("/api/v1/work-orders/" + order + "/accept").then().statusCode(409);
    }

    @Test
    void aFollowupEventRoutingCannotReadIsDeadLetteredAndTheNextApplied() {
        UUID complaint = complaints.complaint("FEES.SP_CHARGE").publish();
        onlyWorkOrderOf(complaint);
        String poisonId = UUID.randomUUID().toString();
        kafka.send("complaints.followup", complaint.toString(), "[not an object", Map.of("ce_id", poisonId,
                "ce_type", "EscalationRequested.v1"));
        complaints.followup(complaint, "EscalationRequested.v1", "{\"complaintId\":\"" + complaint + "\",\"reason\":\"超时\"}");
        kafka.await("complaints.followup.dlq", r -> poisonId.equals(KafkaProbe.header(r, "ce_id")), 1, WAIT);
        await().atMost(WAIT).until(() -> ordersOf(complaint).get(0).escalationLevel == 2);
    }
}
