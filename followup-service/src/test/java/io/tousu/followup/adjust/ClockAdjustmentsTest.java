package io.tousu.followup.adjust;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tousu.followup.IntakeEvents;
import io.tousu.followup.RoutingEvents;
import io.tousu.followup.TestClock;
import io.tousu.local.KafkaProbe;
import io.tousu.local.LocalInfra;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** Pauses, extensions and promises as the 12345 rules have them, on the real database. */
@QuarkusTest
class ClockAdjustmentsTest {
    private static final String AGENT = LocalInfra.tokens().forRole("agent");
    private static final String SUPERVISOR = LocalInfra.tokens().forRole("supervisor");
    private static final String REPLY = "deadlines.find { it.kind == 'REPLY' }";
    private final KafkaProbe kafka = new KafkaProbe(LocalInfra.forThisJvm().kafkaBootstrap());

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.set(TestClock.START);
    }

    /** Received Monday 23 November 2026, 10:00 in Beijing: the reply is due Monday 30 November. */
    private UUID received() {
        return IntakeEvents.receivedComplaint(kafka, TestClock.START, "COMPLAINT");
    }

    private static ValidatableResponse post(String token, UUID complaint, String path, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/complaints/" + complaint + path).then();
    }

    private static ValidatableResponse sla(UUID complaint) {
        return given().auth().oauth2(AGENT).when().get("/api/v1/complaints/" + complaint + "/sla").then().statusCode(200);
    }

    @Test
    void aPauseForTheCustomerHoldsTheWorkingDayClocksOnlyAndPaysTheTimeBack() {
        UUID complaint = received();
        sla(complaint).body(REPLY + ".dueAt", equalTo("2026-11-30T23:59:59+08:00"));
        clock.set(TestClock.START.plus(Duration.ofHours(1)));
        post(AGENT, complaint, "/pauses", "{\"reason\":\"等待客户提供缴费凭证\",\"agentId\":\"agent-007\"}")
                .statusCode(201).body("clocks", hasItems("REPLY"));
        post(AGENT, complaint, "/pauses", "{\"reason\":\"again\",\"agentId\":\"agent-007\"}").statusCode(409)
                .contentType("application/problem+json");
        sla(complaint).body(REPLY + ".paused", equalTo(true)).body(REPLY + ".state", equalTo("PENDING"));

        // Two working days later (Wednesday 11:00) the customer sends the receipt.
        clock.set(TestClock.START.plus(Duration.ofHours(49)));
        given().auth().oauth2(AGENT).when().delete("/api/v1/complaints/" + complaint + "/pauses")
                .then().statusCode(200).body("endedBy", equalTo("agent-user"));
        sla(complaint)
                .body(REPLY + ".dueAt", equalTo("2026-12-02T23:59:59+08:00"))
                .body(REPLY + ".pausedFor", equalTo("PT48H"))
                .body(REPLY + ".paused", equalTo(false))
                .body("deadlines.find { it.kind == 'RESOLVE' }.dueAt", equalTo("2026-12-08T10:00:00+08:00"))
                .body("deadlines.find { it.kind == 'RESOLVE' }.pausedFor", equalTo("PT0S"));
        given().auth().oauth2(AGENT).when().delete("/api/v1/complaints/" + complaint + "/pauses")
                .then().statusCode(409);
    }

    @Test
    void anExtensionRequestedInTimeMovesTheClockOnceASupervisorApprovesIt() {
        UUID complaint = received();
        int id = post(AGENT, complaint, "/extensions", """
                {"kind":"REPLY","dueAt":"2026-12-04T23:59:59+08:00","reason":"需现场勘查","requestedBy":"agent-007"}""")
                .statusCode(201).body("status", equalTo("REQUESTED")).extract().path("id");
        sla(complaint).body(REPLY + ".dueAt", equalTo("2026-11-30T23:59:59+08:00"));
        post(AGENT, complaint, "/extensions/" + id + "/decision", "{\"approved\":true,\"supervisorId\":\"sup-1\"}")
                .statusCode(403);
        // Decided after the old due time has passed, and after the breach was recorded meanwhile:
        // it was asked for in time, so the clock runs again to the new due time.
        clock.set(Instant.parse("2026-12-01T02:00:00Z"));
        kafka.await("complaints.followup", r -> complaint.toString().equals(r.key())
                && "SlaBreached.v1".equals(KafkaProbe.header(r, "ce_type")) && r.value().contains("\"REPLY\""), 1,
                Duration.ofSeconds(30));
        post(SUPERVISOR, complaint, "/extensions/" + id + "/decision", "{\"approved\":true,\"supervisorId\":\"sup-1\"}")
                .statusCode(200).body("status", equalTo("APPROVED"));
        sla(complaint).body(REPLY + ".dueAt", equalTo("2026-12-04T23:59:59+08:00")).body(REPLY + ".revision", equalTo(1))
                .body(REPLY + ".state", equalTo("PENDING"));
        post(SUPERVISOR, complaint, "/extensions/" + id + "/decision", "{\"approved\":false,\"supervisorId\":\"sup-1\"}")
                .statusCode(409);
    }

    @Test
    void anExtensionAfterExpiryOrForAnUnknownClockIsRefusedAndASupervisorsIsApprovedAtOnce() {
        UUID complaint = received();
        clock.set(Instant.parse("2026-12-01T02:00:00Z"));
        post(AGENT, complaint, "/extensions", """
                {"kind":"REPLY","dueAt":"2026-12-04T23:59:59+08:00","reason":"晚了","requestedBy":"agent-007"}""")
                .statusCode(409).contentType("application/problem+json");
        post(AGENT, complaint, "/extensions", """
                {"kind":"NO_SUCH","dueAt":"2026-12-04T23:59:59+08:00","reason":"x","requestedBy":"agent-007"}""")
                .statusCode(404);
        post(AGENT, complaint, "/extensions", "{\"kind\":\"REPLY\"}").statusCode(400)
                .body("errors.field", hasItems("dueAt", "reason", "requestedBy"));
        post(SUPERVISOR, complaint, "/extensions", """
                {"kind":"RESOLVE","dueAt":"2026-12-20T18:00:00+08:00","reason":"涉及第三方","requestedBy":"sup-1"}""")
                .statusCode(201).body("status", equalTo("APPROVED"));
        sla(complaint).body("deadlines.find { it.kind == 'RESOLVE' }.dueAt", equalTo("2026-12-20T18:00:00+08:00"));
    }

    @Test
    void aNewPromiseReplacesThePromiseClock() {
        UUID complaint = received();
        sla(complaint).body("deadlines.find { it.kind == 'PROMISE' }.dueAt", equalTo("2026-11-24T10:00:00+08:00"));
        post(AGENT, complaint, "/promises", """
                {"dueAt":"2026-11-25T18:00:00+08:00","agentId":"agent-007","note":"需等待厂家检测结果"}""")
                .statusCode(201).body("revision", equalTo(1)).body("note", equalTo("需等待厂家检测结果"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> CustomerPromise.count("complaintId", complaint)))
                .isEqualTo(1);
        sla(complaint).body("deadlines.findAll { it.kind == 'PROMISE' }.size()", equalTo(1))
                .body("deadlines.find { it.kind == 'PROMISE' }.dueAt", equalTo("2026-11-25T18:00:00+08:00"))
                .body("deadlines.find { it.kind == 'PROMISE' }.warnAt", equalTo("2026-11-25T16:00:00+08:00"));
        post(AGENT, complaint, "/promises", "{\"dueAt\":\"2026-11-20T18:00:00+08:00\",\"agentId\":\"agent-007\"}")
                .statusCode(400);
        post(AGENT, UUID.randomUUID(), "/promises", "{\"dueAt\":\"2026-11-25T18:00:00+08:00\",\"agentId\":\"a\"}")
                .statusCode(404);
    }

    @Test
    void aSuspendedWorkOrderHoldsTheClocksUntilTheDepartmentResumesIt() {
        UUID complaint = received();
        UUID order = UUID.randomUUID();
        clock.set(TestClock.START.plus(Duration.ofHours(1)));
        RoutingEvents.publish(kafka, "WorkOrderSuspended.v1", complaint.toString(), UUID.randomUUID().toString(), """
                {"workOrderId":"%s","complaintId":"%s","department":"network","reason":"等待上门测试",
                 "suspendedAt":"2026-11-23T03:00:00Z"}""".formatted(order, complaint));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> sla(complaint).body(REPLY + ".paused", equalTo(true)));
        // A pause the customer asks for meanwhile is refused: the clocks stand still already.
        post(AGENT, complaint, "/pauses", "{\"reason\":\"again\",\"agentId\":\"agent-007\"}").statusCode(409);

        clock.set(TestClock.START.plus(Duration.ofHours(49)));
        RoutingEvents.publish(kafka, "WorkOrderResumed.v1", complaint.toString(), UUID.randomUUID().toString(), """
                {"workOrderId":"%s","complaintId":"%s","department":"network","resumedAt":"2026-11-25T03:00:00Z"}"""
                .formatted(order, complaint));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> sla(complaint)
                .body(REPLY + ".paused", equalTo(false))
                .body(REPLY + ".pausedFor", equalTo("PT48H"))
                .body(REPLY + ".dueAt", equalTo("2026-12-02T23:59:59+08:00")));
    }
}
