package io.tousu.reporting.search;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.tousu.local.KafkaProbe;
import io.tousu.local.LocalInfra;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

/** Chinese full-text search by character grams, masking and the audit of unmasked views. */
@QuarkusTest
class ComplaintSearchTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ANALYST = LocalInfra.tokens().forRole("analyst");
    private static final String SUPERVISOR = LocalInfra.tokens().forRole("supervisor");
    private static final String DAY = "2025-08-01";
    private final KafkaProbe kafka = new KafkaProbe(LocalInfra.forThisJvm().kafkaBootstrap());

    @Inject
    EntityManager em;

    private UUID received(String subject, String channel, String time) {
        UUID c = UUID.randomUUID();
        kafka.send("complaints.received", c.toString(), """
                {"complaintId":"%s","number":"TS20250801%s","status":"RECEIVED","channel":"%s","type":"COMPLAINT",
                 "category":"FEES.SP_CHARGE","area":"北京市海淀区","receivedAt":"%sT%s+08:00",
                 "subject":"%s","description":"客户来电反映。","customer":{"name":"李女士","phone":"13800138000"}}"""
                .formatted(c, c.toString().substring(0, 6), channel, DAY, time, subject),
                Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_type", "ComplaintReceived.v1",
                        "ce_source", "/test", "ce_subject", c.toString()));
        return c;
    }

    private static ValidatableResponse search(String token, String query) {
        return given().auth().oauth2(token).when().get("/api/v1/complaints?from=" + DAY + "&to=" + DAY + "&" + query)
                .then();
    }

    @Test
    void findsOneAndTwoCharacterQueriesMasksForAnalystsAndAuditsSupervisors() {
        UUID signal = received("手机没有信号", "HOTLINE", "09:00:00");
        UUID refund = received("要求退费", "APP", "10:00:00");
        UUID broadband = received("宽带网速慢", "HOTLINE", "11:00:00");
        UUID fullWidth = received("ＡＢＣ套餐扣费有误", "EMAIL", "12:00:00");
        UUID script = received("<script>alert(1)</script>信号", "APP", "13:00:00");
        await().atMost(WAIT).untilAsserted(() -> search(ANALYST, "size=100").statusCode(200)
                .body("items.complaintId", hasItems(signal.toString(), refund.toString(), broadband.toString(),
                        fullWidth.toString(), script.toString())));

        search(ANALYST, "q=信号").statusCode(200)
                .body("items.complaintId", contains(script.toString(), signal.toString()));
        search(ANALYST, "q=退").statusCode(200).body("items.complaintId", contains(refund.toString()));
        search(ANALYST, "q=扣费").statusCode(200).body("items.complaintId", contains(fullWidth.toString()));
        search(ANALYST, "q=abc").statusCode(200).body("items.complaintId", contains(fullWidth.toString()));
        search(ANALYST, "q=网速&channel=HOTLINE").statusCode(200).body("items.complaintId", contains(broadband.toString()));
        search(ANALYST, "q=网速&channel=APP").statusCode(200).body("items.size()", equalTo(0));
        search(ANALYST, "q=信号&category=FEES&area=北京市").statusCode(200).body("items.size()", equalTo(2));
        // Texts come back as they were written: escaping them is the page's job.
        search(ANALYST, "q=alert").statusCode(200).body("items[0].subject", equalTo("<script>alert(1)</script>信号"));

        // An analyst sees the customer masked, and nothing is audited.
        search(ANALYST, "q=宽带").statusCode(200)
                .body("items[0].phone", equalTo("138****8000")).body("items[0].customerName", equalTo("李**"))
                .body("items[0].masked", equalTo(true));
        String admin = LocalInfra.tokens().forRole("admin");
        given().auth().oauth2(admin).when().get("/api/v1/audit?size=100").then().statusCode(200)
                .body("complaintId", not(hasItem(broadband.toString())));
        // A supervisor sees it, and is recorded.
        search(SUPERVISOR, "q=宽带").statusCode(200)
                .body("items[0].phone", equalTo("13800138000")).body("items[0].customerName", equalTo("李女士"));
        given().auth().oauth2(admin).when().get("/api/v1/audit?size=100").then().statusCode(200)
                .body("find { it.complaintId == '" + broadband + "' }.viewer", equalTo("supervisor-user"))
                .body("find { it.complaintId == '" + broadband + "' }.request", containsString("q="));
        given().auth().oauth2(ANALYST).when().get("/api/v1/audit").then().statusCode(403);
    }

    @Test
    void theGramIndexServesTheQueryAndBadFiltersAreProblems() {
        List<?> plan = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("SET LOCAL enable_seqscan = off").executeUpdate();
            return em.createNativeQuery("EXPLAIN SELECT complaint_id FROM complaint_text t "
                    + "WHERE t.grams @> CAST(ARRAY['信号'] AS text[]) AND strpos(t.search_text, '信号') > 0").getResultList();
        });
        assertThat(plan.toString()).contains("complaint_text_grams");
        given().auth().oauth2(ANALYST).when().get("/api/v1/complaints?size=0&status=LOST&from=yesterday")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("size", "status", "from"));
        given().auth().oauth2(LocalInfra.tokens().forRole("agent")).when().get("/api/v1/complaints").then().statusCode(403);
    }
}
