package io.tousu.reporting.kpi;

import io.quarkus.test.junit.QuarkusTest;
import io.tousu.local.KafkaProbe;
import io.tousu.local.LocalInfra;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;

/**
 * Every KPI on a small data set computed by hand (15-17 July 2025, Beijing time), published over
 * the real broker out of order across topics, with a redelivery and a stale snapshot among them.
 */
@QuarkusTest
class KpiDefinitionsTest {
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final String ANALYST = LocalInfra.tokens().forRole("analyst");
    private final KafkaProbe kafka = new KafkaProbe(LocalInfra.forThisJvm().kafkaBootstrap());

    private void publish(String topic, String type, UUID complaint, String eventId, String value) {
        kafka.send(topic, complaint.toString(), value, Map.of("ce_specversion", "1.0", "ce_id", eventId,
                "ce_type", type, "ce_source", "/test", "ce_subject", complaint.toString()));
    }

    private void publish(String topic, String type, UUID complaint, String value) {
        publish(topic, type, complaint, UUID.randomUUID().toString(), value);
    }

    private void received(UUID c, String at, String channel, String category, String area, boolean fcr, String referral) {
        publish("complaints.received", "ComplaintReceived.v1", c, """
                {"complaintId":"%s","number":"TS2025%s","status":"RECEIVED","channel":"%s","type":"COMPLAINT",
                 "category":"%s","area":"%s","receivedAt":"%s","resolvedOnFirstContact":%s,"referral":%s}"""
                .formatted(c, c.toString().substring(0, 6), channel, category, area, at, fcr,
                        referral == null ? "null" : "{\"source\":\"" + referral + "\",\"referenceNo\":\"GXB-1\"}"));
    }

    private void routing(String type, UUID c, String body) {
        publish("complaints.routing", type, c, "{\"complaintId\":\"" + c + "\"," + body + "}");
    }

    private void followup(String type, UUID c, String body) {
        publish("complaints.followup", type, c, "{\"complaintId\":\"" + c + "\"," + body + "}");
    }

    private static String clocks(String replyDue, String setAt) {
        return """
                "clocks":[{"kind":"REPLY","round":1,"dueAt":"%s","warnAt":null,"state":"PENDING"}],"setAt":"%s\""""
                .formatted(replyDue, setAt);
    }

    @Test
    void everyKpiOfAHandComputedPeriod() {
        UUID c1 = UUID.randomUUID();
        UUID c2 = UUID.randomUUID();
        UUID c3 = UUID.randomUUID();
        UUID c4 = UUID.randomUUID();
        // c1: dispatched, answered with a 30 CNY refund, replied in time, satisfied, closed after 48 h.
        // Its follow-up events arrive before its receipt.
        String callback = UUID.randomUUID().toString();
        followup("ClocksSet.v1", c1, clocks("2025-07-17T18:00:00+08:00", "2025-07-15T02:06:00Z"));
        followup("CustomerReplied.v1", c1, "\"agentId\":\"a-1\",\"channel\":\"PHONE\",\"repliedAt\":\"2025-07-16T04:00:00Z\"");
        publish("complaints.followup", "CallbackRecorded.v1", c1, callback, "{\"complaintId\":\"" + c1 + "\","
                + "\"level\":\"L1\",\"reached\":true,\"satisfaction\":\"SATISFIED\",\"round\":1,\"recordedAt\":\"2025-07-17T01:00:00Z\"}");
        publish("complaints.followup", "CallbackRecorded.v1", c1, callback, "{\"complaintId\":\"" + c1 + "\","
                + "\"level\":\"L1\",\"reached\":true,\"satisfaction\":\"SATISFIED\",\"round\":1,\"recordedAt\":\"2025-07-17T01:00:00Z\"}");
        followup("ComplaintClosed.v1", c1, "\"reason\":\"SATISFIED\",\"round\":1,\"closedAt\":\"2025-07-17T02:00:00Z\"");
        // A stale snapshot (older setAt) must not move the reply clock.
        followup("ClocksSet.v1", c1, clocks("2025-07-15T08:00:00+08:00", "2025-07-15T02:05:00Z"));
        received(c1, "2025-07-15T10:00:00+08:00", "HOTLINE", "FEES.SP_CHARGE", "北京市海淀区", false, null);
        routing("WorkOrderDispatched.v1", c1, "\"department\":\"billing\",\"category\":\"FEES.SP_CHARGE\","
                + "\"dispatchedAt\":\"2025-07-15T02:05:00Z\"");
        routing("WorkOrderResultSubmitted.v1", c1, "\"outcome\":\"RESOLVED\",\"rootCause\":\"COMPANY\","
                + "\"compensation\":{\"kind\":\"REFUND\",\"amount\":\"30.00\"},\"submittedAt\":\"2025-07-16T01:00:00Z\"");
        // c2: resolved on the first contact.
        received(c2, "2025-07-15T11:00:00+08:00", "APP", "BASIC.NO_SIGNAL", "北京市朝阳区", true, null);
        // c3: a MIIT referral and a repeat, escalated, returned once, replied late, unsatisfied and reopened.
        received(c3, "2025-07-15T12:00:00+08:00", "HOTLINE", "FEES.PACKAGE", "天津市和平区", false, "MIIT");
        routing("WorkOrderDispatched.v1", c3, "\"department\":\"billing\",\"category\":\"FEES.PACKAGE\","
                + "\"dispatchedAt\":\"2025-07-15T04:10:00Z\",\"repeatOf\":\"" + UUID.randomUUID() + "\"");
        routing("ComplaintEscalated.v1", c3, "\"escalationLevel\":3,\"trigger\":\"RULE\",\"escalatedAt\":\"2025-07-15T04:10:00Z\"");
        routing("WorkOrderReturned.v1", c3, "\"department\":\"billing\",\"reason\":\"非本部门\",\"returnedAt\":\"2025-07-15T05:00:00Z\"");
        followup("ClocksSet.v1", c3, clocks("2025-07-15T20:00:00+08:00", "2025-07-15T04:11:00Z"));
        followup("CustomerReplied.v1", c3, "\"agentId\":\"a-2\",\"channel\":\"SMS\",\"repliedAt\":\"2025-07-16T03:00:00Z\"");
        followup("CallbackRecorded.v1", c3, "\"level\":\"L1\",\"reached\":true,\"satisfaction\":\"UNSATISFIED\",\"round\":1,"
                + "\"recordedAt\":\"2025-07-16T06:00:00Z\"");
        followup("ComplaintReopened.v1", c3, "\"reason\":\"不满意\",\"round\":2,\"reopenedAt\":\"2025-07-16T06:00:00Z\"");
        // c4: received the day before the period, withdrawn within it.
        received(c4, "2025-07-14T09:00:00+08:00", "HOTLINE", "SERVICE.ATTITUDE", "河北省石家庄市", false, null);
        followup("ComplaintClosed.v1", c4, "\"reason\":\"WITHDRAWN\",\"round\":1,\"closedAt\":\"2025-07-15T01:00:00Z\"");

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(ANALYST)
                .when().get("/api/v1/reports/kpis?from=2025-07-15&to=2025-07-17")
                .then().statusCode(200)
                .body("received", equalTo(3))
                .body("firstContactResolved", equalTo(1))
                .body("dispatched", equalTo(2))
                .body("closed", equalTo(2))
                .body("withdrawals", equalTo(1))
                .body("unreachable", equalTo(0))
                .body("avgHandlingHours", equalTo(48.0f))
                .body("onTimeReplyRate", equalTo(0.5f))
                .body("satisfactionRate", equalTo(0.5f))
                .body("reopenRate", equalTo(0.5f))
                .body("repeatRate", equalTo(0.3333f))
                .body("escalationRate", equalTo(0.3333f))
                .body("regulatorReferrals", equalTo(1))
                .body("returns", equalTo(1))
                .body("compensationPaid", equalTo(30.0f))
                .body("complaintsPerMillionCustomers", equalTo(0.15f)));

        given().auth().oauth2(ANALYST).when().get("/api/v1/reports/breakdown?from=2025-07-15&to=2025-07-17&by=channel")
                .then().statusCode(200).body("by", equalTo("channel"))
                .body("groups.find { it.group == 'HOTLINE' }.received", equalTo(2))
                .body("groups.find { it.group == 'HOTLINE' }.closed", equalTo(2))
                .body("groups.find { it.group == 'APP' }.received", equalTo(1))
                .body("groups.find { it.group == 'APP' }.satisfactionRate", nullValue());
        given().auth().oauth2(ANALYST).when().get("/api/v1/reports/breakdown?from=2025-07-15&to=2025-07-17&by=day")
                .then().statusCode(200)
                .body("groups.find { it.group == '2025-07-15' }.received", equalTo(3))
                .body("groups.find { it.group == '2025-07-16' }.reopenRate", equalTo(0.5f))
                .body("groups.find { it.group == '2025-07-17' }.closed", equalTo(1));
        given().auth().oauth2(ANALYST).when().get("/api/v1/reports/breakdown?from=2025-07-15&to=2025-07-17&by=category")
                .then().statusCode(200).body("groups.find { it.group == 'FEES' }.received", equalTo(2));
        given().auth().oauth2(ANALYST).when().get("/api/v1/reports/breakdown?from=2025-07-15&to=2025-07-17&by=area")
                .then().statusCode(200)
                // 1 complaint of 天津市's 4,000,000 customers: 0.25 per million.
                .body("groups.find { it.group == '天津市和平区' }.complaintsPerMillionCustomers", equalTo(0.25f));
        given().auth().oauth2(ANALYST)
                .when().get("/api/v1/reports/breakdown?from=2025-07-15&to=2025-07-17&by=area&level=province")
                .then().statusCode(200)
                .body("groups.find { it.group == '北京市' }.received", equalTo(2))
                .body("groups.find { it.group == '北京市' }.complaintsPerMillionCustomers", equalTo(0.25f))
                .body("groups.find { it.group == '天津市' }.received", equalTo(1));
        given().auth().oauth2(ANALYST)
                .when().get("/api/v1/reports/breakdown?from=2025-07-15&to=2025-07-17&by=area&level=district")
                .then().statusCode(200).body("groups.find { it.group == '海淀区' }.received", equalTo(1));
        given().auth().oauth2(ANALYST)
                .when().get("/api/v1/reports/breakdown?from=2025-07-15&to=2025-07-17&by=area&level=street")
                .then().statusCode(400).body("errors[0].field", equalTo("level"));
        given().auth().oauth2(ANALYST).when().get("/api/v1/reports/breakdown?from=2025-07-15&to=2025-07-17&by=weather")
                .then().statusCode(400).body("errors[0].field", equalTo("by"));

        // The month's assessment of billing, which was given c1 and c3.
        String billing = "departments.find { it.department == 'billing' }";
        given().auth().oauth2(ANALYST).when().get("/api/v1/reports/departments?month=2025-07")
                .then().statusCode(200)
                .body(billing + ".complaints", equalTo(2))
                .body(billing + ".attributed", equalTo(1))
                .body(billing + ".overdue", equalTo(0))
                .body(billing + ".returns", equalTo(1))
                .body(billing + ".reopens", equalTo(1))
                .body(billing + ".escalations", equalTo(1))
                .body(billing + ".satisfactionRate", equalTo(0.5f));
        given().auth().oauth2(LocalInfra.tokens().forDepartment("billing"))
                .when().get("/api/v1/reports/departments?month=2025-07")
                .then().statusCode(200).body("departments.department", everyItem(equalTo("billing")))
                .body("departments.size()", equalTo(1));
        given().auth().oauth2(LocalInfra.tokens().forDepartment("network"))
                .when().get("/api/v1/reports/departments?month=2025-07")
                .then().statusCode(200).body("departments.size()", equalTo(0));
        given().auth().oauth2(LocalInfra.tokens().forRole("agent"))
                .when().get("/api/v1/reports/departments?month=2025-07").then().statusCode(403);
        given().auth().oauth2(ANALYST).when().get("/api/v1/reports/departments?month=July")
                .then().statusCode(400).body("errors[0].field", equalTo("month"));
    }
}
