package io.tousu.reporting;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** The projection's lag behind every topic it reads, in readiness and in the metrics. */
@QuarkusTest
class ConsumerLagTest {
    private static final String LAG = "checks.find { it.name == 'Consumer lag' }";

    @Test
    void readinessAndMetricsShowTheLagOfEachTopic() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/q/health/ready").then()
                .body(LAG + ".status", equalTo("UP"))
                .body(LAG + ".data.group", equalTo("reporting-service"))
                .body(LAG + ".data.'complaints.received'", notNullValue())
                .body(LAG + ".data.'complaints.routing'", notNullValue())
                .body(LAG + ".data.'complaints.followup'", notNullValue()));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("tousu_consumer_lag{group=\"reporting-service\",topic=\"complaints.received\"}"));
    }
}
