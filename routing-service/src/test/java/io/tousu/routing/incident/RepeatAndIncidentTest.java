package io.tousu.routing.incident;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tousu.local.KafkaProbe;
import io.tousu.local.LocalInfra;
import io.tousu.routing.Complaints;
import io.tousu.routing.complaint.RoutedComplaint;
import io.tousu.routing.workorder.Priority;
import io.tousu.routing.workorder.WorkOrder;
import io.tousu.routing.workorder.WorkOrderStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.tousu.routing.Complaints.WAIT;
import static io.tousu.routing.Complaints.onlyWorkOrderOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class RepeatAndIncidentTest {
    private final Complaints complaints = new Complaints();
    private final KafkaProbe kafka = complaints.kafka();

    private static RoutedComplaint routed(UUID id) {
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(() -> RoutedComplaint.findById(id)) != null);
        return QuarkusTransaction.requiringNew().call(() -> RoutedComplaint.findById(id));
    }

    @Test
    void theSameCustomerAboutTheSameCategoryWithinTheWindowIsARepeat() {
        UUID first = complaints.complaint("FEES.PACKAGE").customer("phone", "13911112222")
                .set("receivedAt", "2026-10-01T10:00:00+08:00").publish();
        onlyWorkOrderOf(first);
        // Another category: not a repeat. Same category 29 days later, known by service number: a repeat.
        UUID other = complaints.complaint("BASIC.DATA").customer("phone", "13911112222").publish();
        UUID repeat = complaints.complaint("FEES.PACKAGE").set("serviceNumber", "13911112222")
                .customer("phone", "13911112222").set("receivedAt", "2026-10-30T10:00:00+08:00").publish();
        // 31 days after the repeat and 60 after the first: outside the window.
        UUID late = complaints.complaint("FEES.PACKAGE").customer("phone", "13911112222")
                .set("receivedAt", "2026-11-30T11:00:00+08:00").publish();

        assertThat(onlyWorkOrderOf(other).repeatOf).isNull();
        WorkOrder repeated = onlyWorkOrderOf(repeat);
        assertThat(repeated.repeatOf).isEqualTo(first);
        assertThat(repeated.priority).isEqualTo(Priority.HIGH);
        assertThat(repeated.priorityReasons).contains("REPEAT");
        assertThat(onlyWorkOrderOf(late).repeatOf).isNull();
        given().when().get("/q/metrics").then().body(org.hamcrest.Matchers.containsString("routing_repeat_complaints_total"));
    }

    @Test
    void fiveComplaintsOfOneFamilyInOneAreaOpenAnIncidentWhoseResultReachesEveryone() {
        String area = "北京市朝阳区望京" + UUID.randomUUID();
        List<UUID> ids = new ArrayList<>();
        String[] categories = {"BASIC.NO_SIGNAL", "BASIC.CALL_DROP", "BASIC.NO_SIGNAL", "BASIC.DATA", "BASIC"};
        for (String category : categories) {
            ids.add(complaints.complaint(category).set("area", area).publish());
            onlyWorkOrderOf(ids.get(ids.size() - 1)); // in order: the fifth is the one that opens the incident
        }
        UUID sixth = complaints.complaint("BASIC.SMS").set("area", area).publish();
        RoutedComplaint linked = routed(sixth);
        UUID incident = linked.incidentId;
        assertThat(incident).isNotNull();

        WorkOrder incidentOrder = onlyWorkOrderOf(ids.get(4));
        assertThat(incidentOrder.incidentId).isEqualTo(incident);
        assertThat(incidentOrder.priorityReasons).contains("INCIDENT");
        assertThat(incidentOrder.department).isEqualTo("network");
        assertThat(QuarkusTransaction.requiringNew().call(() -> WorkOrder.count("complaintId", sixth))).isZero();
        for (UUID id : ids) {
            assertThat(routed(id).incidentId).isEqualTo(incident);
            kafka.await("complaints.routing", r -> id.toString().equals(r.key())
                    && "IncidentLinked.v1".equals(KafkaProbe.header(r, "ce_type")), 1, WAIT);
        }
        given().auth().oauth2(LocalInfra.tokens().forRole("supervisor"))
                .when().get("/api/v1/work-orders?complaintId=" + sixth).then().statusCode(200)
                .body("incidentId", org.hamcrest.Matchers.contains(incident.toString()));

        String network = LocalInfra.tokens().forDepartment("network");
        given().auth().oauth2(network).contentType(ContentType.JSON).body("{\"handler\":\"抢修班\"}")
                .post("/api/v1/work-orders/" + incidentOrder.id + "/accept").then().statusCode(200);
        given().auth().oauth2(network).contentType(ContentType.JSON)
                .body("{\"outcome\":\"RESOLVED\",\"resolution\":\"基站光缆被挖断,已抢通\",\"rootCause\":\"OBJECTIVE\"}")
                .post("/api/v1/work-orders/" + incidentOrder.id + "/result").then().statusCode(200);

        List<UUID> everyone = new ArrayList<>(ids);
        everyone.add(sixth);
        for (UUID id : everyone) {
            kafka.await("complaints.routing", r -> id.toString().equals(r.key())
                    && "WorkOrderResultSubmitted.v1".equals(KafkaProbe.header(r, "ce_type")), 1, WAIT);
        }
        assertThat(QuarkusTransaction.requiringNew().call(() -> WorkOrder.count("complaintId in ?1 and status <> ?2",
                ids, WorkOrderStatus.DONE))).isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> Incident.<Incident>findById(incident).status))
                .isEqualTo(Incident.RESOLVED);
        given().when().get("/q/metrics").then().body(org.hamcrest.Matchers.containsString("routing_incidents_opened_total"));
    }

    @Test
    void billsAndAttitudeComplaintsOfOneAreaNeverBecomeAnIncident() {
        String area = "北京市海淀区中关村" + UUID.randomUUID();
        List<UUID> ids = new ArrayList<>();
        for (String category : List.of("FEES.PACKAGE", "FEES.PACKAGE", "FEES.SP_CHARGE", "SERVICE.ATTITUDE",
                "FEES.PACKAGE", "MARKETING.PROMOTION", "FEES.DATA_CHARGE", "SERVICE.ATTITUDE")) {
            ids.add(complaints.complaint(category).set("area", area).publish());
        }
        for (UUID id : ids) {
            assertThat(onlyWorkOrderOf(id).incidentId).isNull();
            assertThat(routed(id).incidentId).isNull();
        }
    }

    @Test
    void aReferralJoiningAnOpenIncidentKeepsItsOwnUrgentOrderAndClosesOnlyWithItsOwnAnswer() {
        String area = "广州市天河区石牌" + UUID.randomUUID();
        List<UUID> outage = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            // an outage burst among ordinary complaints of the same area, which stay apart
            outage.add(complaints.complaint("BASIC.DATA").set("area", area).publish());
            UUID bill = complaints.complaint("FEES.PACKAGE").set("area", area).publish();
            assertThat(onlyWorkOrderOf(bill).incidentId).isNull();
            onlyWorkOrderOf(outage.get(i));
        }
        UUID incident = routed(outage.get(4)).incidentId;
        assertThat(incident).isNotNull();
        WorkOrder incidentOrder = onlyWorkOrderOf(outage.get(4));

        UUID referral = complaints.complaint("BASIC.NO_SIGNAL").set("area", area).referral("MIIT").publish();
        UUID compensation = complaints.complaint("BASIC.DATA").set("area", area).demands("COMPENSATION").publish();
        UUID ordinary = complaints.complaint("BASIC.DATA").set("area", area).publish();
        WorkOrder referralOrder = onlyWorkOrderOf(referral);
        assertThat(referralOrder.priority).isEqualTo(Priority.URGENT);
        assertThat(referralOrder.incidentId).as("its own order, not the incident's").isNull();
        assertThat(routed(referral).incidentId).isEqualTo(incident);
        assertThat(routed(referral).answersAlone).isEqualTo("REFERRAL");
        WorkOrder compensationOrder = onlyWorkOrderOf(compensation);
        assertThat(routed(compensation).answersAlone).isEqualTo("COMPENSATION");
        assertThat(routed(ordinary).incidentId).isEqualTo(incident);
        assertThat(Complaints.workOrdersOf(ordinary)).isZero();
        kafka.await("complaints.routing", r -> referral.toString().equals(r.key())
                && "IncidentLinked.v1".equals(KafkaProbe.header(r, "ce_type")) && r.value().contains("\"REFERRAL\""), 1, WAIT);

        String supervisor = LocalInfra.tokens().forRole("supervisor");
        given().auth().oauth2(supervisor).when().get("/api/v1/incidents?status=OPEN&size=500").then().statusCode(200)
                .body("find { it.id == '%s' }.complaints".formatted(incident), org.hamcrest.Matchers.equalTo(8))
                .body("find { it.id == '%s' }.answeredAlone".formatted(incident), org.hamcrest.Matchers.equalTo(2))
                .body("find { it.id == '%s' }.workOrderId".formatted(incident), org.hamcrest.Matchers.equalTo(incidentOrder.id.toString()));
        String network = LocalInfra.tokens().forDepartment(incidentOrder.department);
        given().auth().oauth2(network).when().get("/api/v1/incidents/" + incident).then().statusCode(200)
                .body("incident.area", org.hamcrest.Matchers.equalTo(area))
                .body("incident.family", org.hamcrest.Matchers.equalTo("MOBILE_NETWORK"))
                .body("complaints.complaintId", org.hamcrest.Matchers.hasItems(referral.toString(), ordinary.toString()));
        String billing = LocalInfra.tokens().forDepartment("billing");
        given().auth().oauth2(billing).when().get("/api/v1/incidents/" + incident).then().statusCode(403);
        given().auth().oauth2(billing).when().get("/api/v1/incidents?status=OPEN&size=500").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(incident.toString())));
        given().auth().oauth2(supervisor).when().get("/api/v1/incidents?status=SOMETIMES").then().statusCode(400);
        given().auth().oauth2(LocalInfra.tokens().forRole("agent")).when().get("/api/v1/incidents").then().statusCode(403);

        given().auth().oauth2(network).contentType(ContentType.JSON).body("{\"handler\":\"网络优化中心\"}")
                .post("/api/v1/work-orders/" + incidentOrder.id + "/accept").then().statusCode(200);
        given().auth().oauth2(network).contentType(ContentType.JSON)
                .body("{\"outcome\":\"RESOLVED\",\"resolution\":\"石牌基站传输故障已修复\",\"rootCause\":\"COMPANY\"}")
                .post("/api/v1/work-orders/" + incidentOrder.id + "/result").then().statusCode(200);

        for (UUID id : List.of(referral, compensation, ordinary, outage.get(0), outage.get(4))) {
            kafka.await("complaints.routing", r -> id.toString().equals(r.key())
                    && "IncidentResolved.v1".equals(KafkaProbe.header(r, "ce_type")), 1, WAIT);
        }
        kafka.await("workorders." + referralOrder.department, r -> referral.toString().equals(r.key())
                && "IncidentResolved.v1".equals(KafkaProbe.header(r, "ce_type"))
                && r.value().contains(referralOrder.id.toString()), 1, WAIT);
        assertThat(QuarkusTransaction.requiringNew().call(() -> WorkOrder.<WorkOrder>findById(referralOrder.id).status))
                .as("a referral closes only with its own answer").isEqualTo(WorkOrderStatus.OPEN);
        assertThat(QuarkusTransaction.requiringNew().call(() -> WorkOrder.<WorkOrder>findById(compensationOrder.id).status))
                .isEqualTo(WorkOrderStatus.OPEN);
        assertThat(QuarkusTransaction.requiringNew().call(() -> WorkOrder.count("complaintId in ?1 and status <> ?2",
                outage, WorkOrderStatus.DONE))).isZero();

        String referralDept = LocalInfra.tokens().forDepartment(referralOrder.department);
        given().auth().oauth2(referralDept).contentType(ContentType.JSON).body("{\"handler\":\"客户经理\"}")
                .post("/api/v1/work-orders/" + referralOrder.id + "/accept").then().statusCode(200);
        given().auth().oauth2(referralDept).contentType(ContentType.JSON)
                .body("{\"outcome\":\"RESOLVED\",\"resolution\":\"已向工信部说明并为用户补偿\",\"rootCause\":\"COMPANY\"}")
                .post("/api/v1/work-orders/" + referralOrder.id + "/result").then().statusCode(200);
        assertThat(QuarkusTransaction.requiringNew().call(() -> WorkOrder.<WorkOrder>findById(referralOrder.id).status))
                .isEqualTo(WorkOrderStatus.DONE);
    }
}
