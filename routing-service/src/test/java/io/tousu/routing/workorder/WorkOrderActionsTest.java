package io.tousu.routing.workorder;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tousu.local.KafkaProbe;
import io.tousu.local.LocalInfra;
import io.tousu.routing.Complaints;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.tousu.routing.Complaints.WAIT;
import static io.tousu.routing.Complaints.onlyWorkOrderOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The actions a centre uses daily: urge (督办), co-handle (协办), transfer (转派), suspend (挂起), merge (并单). */
@QuarkusTest
class WorkOrderActionsTest {
    private static final String SUPERVISOR = LocalInfra.tokens().forRole("supervisor");
    private static final String BILLING = LocalInfra.tokens().forDepartment("billing");
    private static final String NETWORK = LocalInfra.tokens().forDepartment("network");
    private static final String RESULT = """
            {"outcome":"RESOLVED","resolution":"已核实并退还","rootCause":"COMPANY"}""";

    private final Complaints complaints = new Complaints();
    private final KafkaProbe kafka = complaints.kafka();

    private static ValidatableResponse post(String token, UUID order, String action, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/work-orders/" + order + "/" + action).then();
    }

    private static WorkOrder order(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> WorkOrder.findById(id));
    }

    private void awaitEvent(String topic, UUID complaint, String type, String contains) {
        kafka.await(topic, r -> complaint.toString().equals(r.key()) && type.equals(KafkaProbe.header(r, "ce_type"))
                && r.value().contains(contains), 1, WAIT);
    }

    @Test
    void aSupervisorUrgesAnOrderWhichBecomesHighAndIsCountedPerDepartment() {
        UUID complaint = complaints.complaint("FEES.PACKAGE").publish();
        WorkOrder order = onlyWorkOrderOf(complaint);
        assertThat(order.priority).isEqualTo(Priority.NORMAL);
        post(BILLING, order.id, "urge", "{\"reason\":\"客户第三次来电\"}").statusCode(403);
        post(SUPERVISOR, order.id, "urge", "{}").statusCode(400).contentType("application/problem+json");
        post(SUPERVISOR, order.id, "urge", "{\"reason\":\"客户第三次来电，今天务必联系\",\"dueBy\":\"2026-12-07T18:00:00+08:00\"}")
                .statusCode(200).body("priority", equalTo("HIGH")).body("priorityReasons", hasItem("URGED"))
                .body("urgeCount", equalTo(1));
        awaitEvent("complaints.routing", complaint, "WorkOrderUrged.v1", "客户第三次来电");
        awaitEvent("workorders.billing", complaint, "WorkOrderUrged.v1", "\"urgeCount\":1");
        awaitEvent("workorders.billing", complaint, "WorkOrder.v1", "\"URGED\"");
        given().when().get("/q/metrics").then().body(org.hamcrest.Matchers.containsString(
                "routing_work_orders_urged_total{department=\"billing\""));

        post(BILLING, order.id, "accept", "{\"handler\":\"王五\"}").statusCode(200);
        post(BILLING, order.id, "result", RESULT).statusCode(200);
        post(SUPERVISOR, order.id, "urge", "{\"reason\":\"再催\"}").statusCode(409);
    }

    @Test
    void aCoHandledOrderWaitsForTheHelpBeforeItIsAnswered() {
        UUID complaint = complaints.complaint("FEES.DATA_CHARGE").publish();
        WorkOrder main = onlyWorkOrderOf(complaint);
        assertThat(main.department).isEqualTo("billing");
        post(NETWORK, main.id, "co-handling", "{\"department\":\"network\",\"reason\":\"x\"}").statusCode(403);
        post(BILLING, main.id, "co-handling", "{\"department\":\"nowhere\",\"reason\":\"x\"}").statusCode(400);
        post(BILLING, main.id, "co-handling", "{\"department\":\"billing\",\"reason\":\"x\"}").statusCode(409);
        String helperId = post(BILLING, main.id, "co-handling",
                "{\"department\":\"network\",\"reason\":\"请核查该号码当月基站流量记录\"}")
                .statusCode(200).body("department", equalTo("network")).body("assists", equalTo(main.id.toString()))
                .extract().path("id");
        UUID helper = UUID.fromString(helperId);
        awaitEvent("complaints.routing", complaint, "CoHandlingRequested.v1", helperId);
        awaitEvent("workorders.network", complaint, "WorkOrder.v1", "\"assists\":\"" + main.id + "\"");

        post(BILLING, main.id, "accept", "{\"handler\":\"王五\"}").statusCode(200);
        post(BILLING, main.id, "result", RESULT).statusCode(409).contentType("application/problem+json");
        post(NETWORK, helper, "return", "{\"reason\":\"不归我们\"}").statusCode(409);
        post(NETWORK, helper, "accept", "{\"handler\":\"网优李工\"}").statusCode(200);
        post(NETWORK, helper, "result", "{\"outcome\":\"RESOLVED\",\"resolution\":\"话单核实：后台应用产生流量\",\"rootCause\":\"CUSTOMER\"}")
                .statusCode(200).body("status", equalTo("DONE"));
        awaitEvent("workorders.billing", complaint, "CoHandlingContributed.v1", "后台应用产生流量");
        post(BILLING, main.id, "result", RESULT).statusCode(200);
        // The helper's sign-for and answer are not the complaint's: one acceptance, one result on complaints.routing.
        var events = kafka.await("complaints.routing", r -> complaint.toString().equals(r.key())
                && "WorkOrderResultSubmitted.v1".equals(KafkaProbe.header(r, "ce_type")), 1, WAIT);
        assertThat(events).singleElement().satisfies(r -> assertThat(r.value()).contains(main.id.toString()));
    }

    @Test
    void aSupervisorTransfersAnOrderToAnotherDepartmentAtTheSameLevel() {
        UUID complaint = complaints.complaint("FEES.PACKAGE").publish();
        WorkOrder order = onlyWorkOrderOf(complaint);
        post(BILLING, order.id, "transfer", "{\"department\":\"marketing\",\"reason\":\"x\"}").statusCode(403);
        post(SUPERVISOR, order.id, "transfer", "{\"department\":\"billing\",\"reason\":\"x\"}").statusCode(409);
        String movedId = post(SUPERVISOR, order.id, "transfer",
                "{\"department\":\"marketing\",\"reason\":\"属营销活动承诺，非计费问题\"}")
                .statusCode(200).body("department", equalTo("marketing"))
                .body("escalationLevel", equalTo(order.escalationLevel)).extract().path("id");
        WorkOrder old = order(order.id);
        assertThat(old.status).isEqualTo(WorkOrderStatus.TRANSFERRED);
        assertThat(old.handedTo).hasToString(movedId);
        awaitEvent("complaints.routing", complaint, "WorkOrderTransferred.v1", movedId);
        awaitEvent("complaints.routing", complaint, "WorkOrderDispatched.v1", "\"replaces\":\"" + order.id + "\"");
        awaitEvent("workorders.billing", complaint, "WorkOrderTransferred.v1", "marketing");
        awaitEvent("workorders.marketing", complaint, "WorkOrder.v1", movedId);
        post(SUPERVISOR, order.id, "transfer", "{\"department\":\"service\",\"reason\":\"again\"}").statusCode(409);
    }

    @Test
    void aSuspendedOrderWaitsAndResumesToItsStateAndCannotBeAnsweredMeanwhile() {
        UUID complaint = complaints.complaint("FEES.PACKAGE").publish();
        UUID order = onlyWorkOrderOf(complaint).id;
        post(BILLING, order, "accept", "{\"handler\":\"王五\"}").statusCode(200);
        post(NETWORK, order, "suspend", "{\"reason\":\"x\"}").statusCode(403);
        post(BILLING, order, "suspend", "{\"reason\":\"等待客户提供缴费凭证\"}").statusCode(200)
                .body("status", equalTo("SUSPENDED")).body("suspendReason", equalTo("等待客户提供缴费凭证"));
        post(BILLING, order, "suspend", "{\"reason\":\"again\"}").statusCode(409);
        post(BILLING, order, "result", RESULT).statusCode(409);
        awaitEvent("complaints.routing", complaint, "WorkOrderSuspended.v1", "等待客户提供缴费凭证");
        post(BILLING, order, "resume", "{}").statusCode(200).body("status", equalTo("ACCEPTED"));
        post(BILLING, order, "resume", "{}").statusCode(409);
        awaitEvent("complaints.routing", complaint, "WorkOrderResumed.v1", order.toString());
        post(BILLING, order, "result", RESULT).statusCode(200);
    }

    @Test
    void complaintsAboutOneMatterAreMergedAndEachGetsTheAnswer() {
        UUID main = complaints.complaint("FEES.SP_CHARGE").set("channel", "HOTLINE").publish();
        UUID byApp = complaints.complaint("FEES.SP_CHARGE").set("channel", "APP").publish();
        UUID byEmail = complaints.complaint("FEES.SP_CHARGE").set("channel", "EMAIL").publish();
        WorkOrder into = onlyWorkOrderOf(main);
        WorkOrder appOrder = onlyWorkOrderOf(byApp);
        onlyWorkOrderOf(byEmail);
        post(BILLING, into.id, "merge", "{\"complaintIds\":[\"" + byApp + "\"],\"reason\":\"x\"}").statusCode(403);
        post(SUPERVISOR, into.id, "merge", "{\"complaintIds\":[],\"reason\":\"x\"}").statusCode(400);
        post(SUPERVISOR, into.id, "merge", "{\"complaintIds\":[\"" + main + "\"],\"reason\":\"x\"}").statusCode(409);
        post(SUPERVISOR, into.id, "merge", "{\"complaintIds\":[\"" + UUID.randomUUID() + "\"],\"reason\":\"x\"}")
                .statusCode(404);
        post(SUPERVISOR, into.id, "merge", "{\"complaintIds\":[\"" + byApp + "\",\"" + byEmail
                + "\"],\"reason\":\"同一客户同一笔信息费，热线、APP、邮件各报一次\"}")
                .statusCode(200).body("merged.size()", equalTo(2));
        assertThat(order(appOrder.id).status).isEqualTo(WorkOrderStatus.MERGED);
        assertThat(order(appOrder.id).handedTo).isEqualTo(into.id);
        awaitEvent("complaints.routing", byApp, "ComplaintMerged.v1", main.toString());
        awaitEvent("workorders.billing", byEmail, "ComplaintMerged.v1", into.id.toString());
        post(SUPERVISOR, into.id, "merge", "{\"complaintIds\":[\"" + byApp + "\"],\"reason\":\"again\"}").statusCode(409);

        post(BILLING, into.id, "accept", "{\"handler\":\"王五\"}").statusCode(200);
        post(BILLING, into.id, "result", RESULT).statusCode(200);
        for (UUID each : List.of(main, byApp, byEmail)) {
            awaitEvent("complaints.routing", each, "WorkOrderResultSubmitted.v1", into.id.toString());
        }
    }
}
