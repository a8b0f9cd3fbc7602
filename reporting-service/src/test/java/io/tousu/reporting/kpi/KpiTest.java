package io.tousu.reporting.kpi;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.tousu.local.KafkaProbe;
import io.tousu.local.LocalInfra;
import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
class KpiTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ANALYST = LocalInfra.tokens().forRole("analyst");
    private final KafkaProbe kafka = new KafkaProbe(LocalInfra.forThisJvm().kafkaBootstrap());

    @Inject
    EntityManager em;

    private void publish(String topic, String type, String key, String eventId, String value) {
        kafka.send(topic, key, value, Map.of("ce_specversion", "1.0", "ce_id", eventId, "ce_type", type,
                "ce_source", "/test", "ce_subject", key));
    }

    private void received(UUID complaint, String eventId, String day) {
        publish("complaints.received", "ComplaintReceived.v1", complaint.toString(), eventId, """
                {"complaintId":"%s","number":"TS%s000001","status":"RECEIVED","channel":"APP","type":"COMPLAINT",
                 "category":"FEES","area":"北京市","receivedAt":"%sT10:00:00+08:00"}
                """.formatted(complaint, day.replace("-", ""), day));
    }

    private void dispatched(UUID complaint, String day) {
        publish("complaints.routing", "WorkOrderDispatched.v1", complaint.toString(), UUID.randomUUID().toString(), """
                {"workOrderId":"%s","complaintId":"%s","department":"billing","category":"FEES",
                 "dispatchedAt":"%sT02:00:05Z"}
                """.formatted(UUID.randomUUID(), complaint, day));
    }

    private long facts(UUID complaint) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT count(*) FROM complaint_fact WHERE complaint_id = ?1 AND received_at IS NOT NULL")
                .setParameter(1, complaint).getSingleResult()).longValue());
    }

    @Test
    void countsReceivedAndDispatchedComplaintsOnceEach() {
        String day = "2026-03-02";
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        dispatched(first, day);           // a dispatch read before its receipt still counts
        received(first, eventId, day);
        received(first, eventId, day);    // redelivered: must not count twice
        received(second, UUID.randomUUID().toString(), day);
        UUID marker = UUID.randomUUID();
        received(marker, UUID.randomUUID().toString(), "2026-03-03");
        await().atMost(WAIT).until(() -> facts(marker) == 1 && facts(second) == 1);

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(ANALYST)
                .when().get("/api/v1/reports/kpis?from=" + day + "&to=" + day)
                .then().statusCode(200)
                .body("received", equalTo(2))
                .body("dispatched", equalTo(1)));
    }

    @Test
    void aReceiptWithoutComplaintIdIsDeadLetteredAndCountsNothing() {
        String poisonId = UUID.randomUUID().toString();
        publish("complaints.received", "ComplaintReceived.v1", "k", poisonId,
                "{\"channel\":\"APP\",\"receivedAt\":\"2026-04-01T10:00:00+08:00\"}");
        assertThat(kafka.await("complaints.received.dlq", r -> poisonId.equals(KafkaProbe.header(r, "ce_id")), 1, WAIT))
                .hasSize(1);
        given().auth().oauth2(ANALYST).when().get("/api/v1/reports/kpis?from=2026-04-01&to=2026-04-01")
                .then().statusCode(200).body("received", equalTo(0));
    }

    @Test
    void rejectsAMalformedPeriodWithFieldErrors() {
        given().auth().oauth2(ANALYST).when().get("/api/v1/reports/kpis?from=2026-13-01")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("from", "to"));
        given().auth().oauth2(ANALYST).when().get("/api/v1/reports/kpis?from=2026-05-02&to=2026-05-01")
                .then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().auth().oauth2(LocalInfra.tokens().forRole("channel"))
                .when().get("/api/v1/reports/kpis?from=2026-05-01&to=2026-05-01").then().statusCode(403);
    }
}
