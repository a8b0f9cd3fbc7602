package io.tousu.intake.complaint;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.tousu.intake.submission.ComplaintSubmission;
import io.tousu.local.KafkaProbe;
import io.tousu.local.LocalInfra;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.tousu.intake.complaint.Submissions.example;
import static io.tousu.intake.complaint.Submissions.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class ComplaintResourceTest {
    private static final String CHANNEL = LocalInfra.tokens().forRole("channel");

    @Test
    void acceptsTheContractExampleAndPublishesComplaintReceived() {
        String ref = "CALL-" + UUID.randomUUID();
        Response created = post(example(ref), CHANNEL);
        created.then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("number", matchesPattern("TS2026112\\d\\d{6,}"))
                .body("status", equalTo("RECEIVED"))
                .body("receivedAt", equalTo("2026-11-22T09:15:00+08:00"))
                .body("promisedReplyBy", equalTo("2026-11-23T09:15:00+08:00"));
        String id = created.path("id");

        List<ConsumerRecord<String, String>> events = new KafkaProbe(LocalInfra.forThisJvm().kafkaBootstrap())
                .await("complaints.received", r -> id.equals(r.key()), 1, Duration.ofSeconds(20));
        assertThat(events).hasSize(1);
        ConsumerRecord<String, String> event = events.get(0);
        assertThat(KafkaProbe.header(event, "ce_type")).isEqualTo("ComplaintReceived.v1");
        assertThat(KafkaProbe.header(event, "ce_subject")).isEqualTo(id);
        assertThat(KafkaProbe.header(event, "ce_source")).isEqualTo("/intake-service");
        assertThat(event.value()).contains("\"channelRef\":\"" + ref + "\"", "未订制SP业务却被收取费用");
    }

    @Test
    void returnsSameComplaintForRepeatedChannelRef() {
        String body = example("CALL-" + UUID.randomUUID());
        String id = post(body, CHANNEL).then().statusCode(201).extract().path("id");
        post(body, CHANNEL).then().statusCode(200).body("id", equalTo(id));
        assertThat(storedWithId(id)).isEqualTo(1);
    }

    @Test
    void conflictsWhenTheSameChannelRefComesWithAnotherBody() {
        String ref = "CALL-" + UUID.randomUUID();
        post(example(ref), CHANNEL).then().statusCode(201);
        post(example(ref).replace("未订制SP业务", "另一件事"), CHANNEL).then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void rejectsBadInputWithEveryFieldErrorAndStoresNothing() {
        String ref = "CALL-" + UUID.randomUUID();
        String bad = example(ref)
                .replace("\"HOTLINE\"", "\"FAX\"")
                .replace("\"phone\": \"13800138000\"", "\"phone\": \"12345\"")
                .replace("\"subject\": \"未订制SP业务却被收取费用\",", "");
        post(bad, CHANNEL).then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItems("channel", "customer.phone", "subject"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Complaint.count("channelRef", ref))).isZero();
    }

    @Test
    void rejectsMalformedJsonAsProblem() {
        post("{\"channel\": \"HOTLINE\",", CHANNEL).then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void rejectsUnknownEnumInsideAList() {
        String ref = "CALL-" + UUID.randomUUID();
        post(example(ref).replace("\"REFUND\"", "\"MONEY\""), CHANNEL).then().statusCode(400)
                .body("errors.field", hasItems("demands[0]"));
    }

    @Test
    void refusesAnonymousAndWrongRoleCallers() {
        given().contentType(ContentType.JSON).body(example("CALL-" + UUID.randomUUID()))
                .when().post("/api/v1/complaints").then().statusCode(401).contentType("application/problem+json");
        post(example("CALL-" + UUID.randomUUID()), LocalInfra.tokens().forRole("analyst")).then().statusCode(403);
    }

    @Test
    void showsStatusAndTimelineToChannelSystems() {
        String id = post(example("CALL-" + UUID.randomUUID()), CHANNEL).then().statusCode(201).extract().path("id");
        given().auth().oauth2(CHANNEL).when().get("/api/v1/complaints/" + id).then().log().ifValidationFails().statusCode(200)
                .body("status", equalTo("RECEIVED"))
                .body("customer.name", equalTo("张三"))
                .body("timeline[0].type", equalTo("RECEIVED"))
                .body("timeline[0].by", equalTo("A1001"));
        given().auth().oauth2(CHANNEL).when().get("/api/v1/complaints/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void documentsTheApiWithTheContractExample() {
        given().when().get("/q/openapi").then().statusCode(200)
                .body(containsString("/complaint-example.json"))
                .body(containsString("ComplaintSubmission"));
        given().when().get("/complaint-example.json").then().statusCode(200).body("channel", equalTo("HOTLINE"));
    }

    private static long storedWithId(String id) {
        return QuarkusTransaction.requiringNew().call(() -> Complaint.count("id", UUID.fromString(id)));
    }
}
