package io.tousu.reporting.kpi;

import io.quarkus.test.junit.QuarkusTest;
import io.tousu.local.KafkaProbe;
import io.tousu.local.LocalInfra;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** The monthly analysis of October 2024 in its three formats, on a small published month. */
@QuarkusTest
class MonthlyReportTest {
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final String ANALYST = LocalInfra.tokens().forRole("analyst");
    private final KafkaProbe kafka = new KafkaProbe(LocalInfra.forThisJvm().kafkaBootstrap());

    private void publish(String topic, String type, UUID c, String value) {
        kafka.send(topic, c.toString(), value, Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(),
                "ce_type", type, "ce_source", "/test", "ce_subject", c.toString()));
    }

    private UUID received(String at, String category) {
        UUID c = UUID.randomUUID();
        publish("complaints.received", "ComplaintReceived.v1", c, """
                {"complaintId":"%s","number":"TS%s","channel":"HOTLINE","type":"COMPLAINT","category":"%s",
                 "area":"北京市","receivedAt":"%s","subject":"s"}""".formatted(c, c.toString().substring(0, 8), category, at));
        return c;
    }

    private void followup(String type, UUID c, String body) {
        publish("complaints.followup", type, c, "{\"complaintId\":\"" + c + "\"," + body + "}");
    }

    @Test
    void theMonthInJsonCsvAndAPrintablePage() {
        UUID c1 = received("2024-10-08T09:00:00+08:00", "FEES.SP_CHARGE");
        UUID c2 = received("2024-10-09T09:00:00+08:00", "FEES.PACKAGE");
        UUID c3 = received("2024-10-10T09:00:00+08:00", "FEES.SP_CHARGE");
        received("2024-10-11T09:00:00+08:00", "<script>.X");
        received("2024-09-20T09:00:00+08:00", "BASIC.NO_SIGNAL");
        received("2024-09-21T09:00:00+08:00", "BASIC.NO_SIGNAL");
        received("2023-10-15T09:00:00+08:00", "FEES.SP_CHARGE");
        followup("ClocksSet.v1", c1, "\"clocks\":[{\"kind\":\"REPLY\",\"round\":1,\"dueAt\":\"2024-10-10T15:59:59Z\","
                + "\"state\":\"MET\"}],\"setAt\":\"2024-10-08T09:00:00Z\"");
        followup("ClocksSet.v1", c2, "\"clocks\":[{\"kind\":\"REPLY\",\"round\":1,\"dueAt\":\"2024-10-12T15:59:59Z\","
                + "\"state\":\"BREACHED\"}],\"setAt\":\"2024-10-13T00:00:00Z\"");
        followup("ClocksSet.v1", c3, "\"clocks\":[{\"kind\":\"RESOLVE\",\"round\":1,\"dueAt\":\"2024-10-20T01:00:00Z\","
                + "\"state\":\"MET\"}],\"setAt\":\"2024-10-12T00:00:00Z\"");
        followup("ComplaintClosed.v1", c1, "\"reason\":\"SATISFIED\",\"closedAt\":\"2024-10-08T11:00:00Z\"");
        followup("ComplaintClosed.v1", c2, "\"reason\":\"UNREACHABLE\",\"closedAt\":\"2024-10-11T03:00:00Z\"");

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(ANALYST).accept("application/json")
                .when().get("/api/v1/reports/monthly/2024-10").then().statusCode(200)
                .body("volume.received", equalTo(4))
                .body("volume.previousMonth", equalTo(2))
                .body("volume.sameMonthLastYear", equalTo(1))
                .body("volume.changeFromPreviousMonth", equalTo(1.0f))
                .body("volume.changeFromLastYear", equalTo(3.0f))
                .body("topCategories[0].key", equalTo("FEES"))
                .body("topCategories[0].count", equalTo(3))
                .body("topCategories[0].share", equalTo(0.75f))
                .body("sla.find { it.kind == 'REPLY' }.due", equalTo(2))
                .body("sla.find { it.kind == 'REPLY' }.compliance", equalTo(0.5f))
                .body("sla.find { it.kind == 'RESOLVE' }.compliance", equalTo(1.0f))
                .body("kpis.closed", equalTo(2))
                .body("longest[0].complaintId", equalTo(c2.toString()))
                .body("longest[0].hours", equalTo(50.0f)));

        byte[] csv = given().auth().oauth2(ANALYST).accept("text/csv").when().get("/api/v1/reports/monthly/2024-10")
                .then().statusCode(200).contentType("text/csv").extract().asByteArray();
        assertThat(csv).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).contains("volume,,received,4", "topCategory,FEES,count,3", "sla,REPLY,compliance,0.5");

        String html = given().auth().oauth2(ANALYST).accept("text/html").when().get("/api/v1/reports/monthly/2024-10")
                .then().statusCode(200).contentType("text/html").extract().asString();
        assertThat(html).contains("投诉质量分析", "class=\"bar\" style=\"width: 75%\"", "FEES", "&lt;script&gt;").doesNotContain("<script>");

        given().auth().oauth2(ANALYST).accept("application/json").when().get("/api/v1/reports/monthly/2024-13")
                .then().statusCode(400);
        given().auth().oauth2(LocalInfra.tokens().forRole("agent")).accept("application/json")
                .when().get("/api/v1/reports/monthly/2024-10").then().statusCode(403);
    }
}
