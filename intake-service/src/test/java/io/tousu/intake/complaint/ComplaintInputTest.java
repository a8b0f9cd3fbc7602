package io.tousu.intake.complaint;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.tousu.local.KafkaProbe;
import io.tousu.local.LocalInfra;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.tousu.intake.complaint.Submissions.example;
import static io.tousu.intake.complaint.Submissions.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class ComplaintInputTest {
    private static final String CHANNEL = LocalInfra.tokens().forRole("channel");

    @Test
    void answersABodyOver64KiBWith413Problem() {
        String huge = example("CALL-" + UUID.randomUUID()).replace("本月账单出现两笔信息费", "长".repeat(25_000));
        post(huge, CHANNEL).then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
    }

    @Test
    void answersAChunkedBodyOver64KiBWith413ProblemToo() throws Exception {
        String huge = example("CALL-" + UUID.randomUUID()).replace("本月账单出现两笔信息费", "长".repeat(25_000));
        // An InputStream body has no declared length: the JDK client sends it chunked.
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                        + "/api/v1/complaints"))
                .header("Authorization", "Bearer " + CHANNEL).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void answersAWrongContentTypeWith415Problem() {
        given().auth().oauth2(CHANNEL).contentType(ContentType.TEXT).body("hello")
                .when().post("/api/v1/complaints").then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void answersInvalidUtf8With400Problem() {
        byte[] body = "{\"channel\":\"HOTLINE\",\"subject\":\"\u0000\"}".getBytes(StandardCharsets.UTF_8);
        body[body.length - 3] = (byte) 0xff;
        given().auth().oauth2(CHANNEL).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/complaints").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void keepsChineseTextAndEmojiExactly() {
        String text = "信号时有时无😡📶，客服说“我们的规定就是这样”——请尽快处理🙏";
        String id = post(example("CALL-" + UUID.randomUUID()).replace("本月账单出现两笔信息费，本人从未订制……", text), CHANNEL)
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(CHANNEL).when().get("/api/v1/complaints/" + id)
                .then().statusCode(200).body("description", equalTo(text));
    }

    @Test
    void aChannelTokenSubmitsOnlyForItsChannels() {
        String appOnly = LocalInfra.tokens().forChannels("app-system", List.of("APP"));
        post(example("CALL-" + UUID.randomUUID()), appOnly).then().statusCode(403).contentType("application/problem+json");
        post(example("APP-" + UUID.randomUUID()).replace("\"HOTLINE\"", "\"APP\""), appOnly).then().statusCode(201);
        post(example("CALL-" + UUID.randomUUID()), LocalInfra.tokens().forRole("agent")).then().statusCode(201);
    }

    @Test
    void aComplaintSettledOnFirstContactIsClosedAtOnceAndStillPublished() {
        String body = example("CALL-" + UUID.randomUUID())
                .replace("\"resolvedOnFirstContact\": false", "\"resolvedOnFirstContact\": true")
                .replace("\"resolution\": null", "\"resolution\": \"已为客户退订SP业务并退还信息费\"");
        String id = post(body, CHANNEL).then().statusCode(201)
                .body("status", equalTo("RESOLVED_FIRST_CONTACT")).extract().path("id");
        assertThat(new KafkaProbe(LocalInfra.forThisJvm().kafkaBootstrap())
                .await("complaints.received", r -> id.equals(r.key()), 1, Duration.ofSeconds(20)).get(0).value())
                .contains("\"status\":\"RESOLVED_FIRST_CONTACT\"", "\"resolvedOnFirstContact\":true");
    }

    @Test
    void aFirstContactResolutionNeedsItsResolution() {
        String body = example("CALL-" + UUID.randomUUID())
                .replace("\"resolvedOnFirstContact\": false", "\"resolvedOnFirstContact\": true");
        post(body, CHANNEL).then().statusCode(400).body("errors[0].field", equalTo("resolution"));
    }
}
