package io.tousu.followup.complaint;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tousu.followup.RoutingEvents;
import io.tousu.local.KafkaProbe;
import io.tousu.local.LocalInfra;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class DueWorkTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String AGENT = LocalInfra.tokens().forRole("agent");
    private final KafkaProbe kafka = new KafkaProbe(LocalInfra.forThisJvm().kafkaBootstrap());

    private UUID dispatched() {
        return RoutingEvents.followedComplaint(kafka);
    }

    private static ValidatableResponse due(String kind) {
        return given().auth().oauth2(AGENT).when().get("/api/v1/followups/due?kind=" + kind + "&size=200").then();
    }

    @Test
    void eachComplaintIsOnTheListOfWhatItOwesTheCustomerNext() {
        UUID waiting = dispatched();
        UUID answered = dispatched();
        RoutingEvents.publish(kafka, "WorkOrderResultSubmitted.v1", answered.toString(), UUID.randomUUID().toString(),
                RoutingEvents.resultSubmitted(answered));

        // Without a result: a progress notice 24 hours after receipt (09:15 Beijing time on 22 November).
        due("PROGRESS_NOTICE").statusCode(200).body("kind", equalTo("PROGRESS_NOTICE"))
                .body("items.find { it.complaintId == '" + waiting + "' }.dueAt", equalTo("2026-11-23T01:15:00Z"));
        // With a result: the reply, by the reply clock (the fifth working day, counted from Monday).
        await().atMost(WAIT).untilAsserted(() -> due("REPLY").statusCode(200)
                .body("items.find { it.complaintId == '" + answered + "' }.dueAt", equalTo("2026-11-27T15:59:59Z")));
        due("PROGRESS_NOTICE").body("items.complaintId", not(hasItem(answered.toString())));

        given().auth().oauth2(AGENT).contentType(ContentType.JSON)
                .body("{\"agentId\":\"agent-007\",\"channel\":\"SMS\",\"message\":\"您好，您的问题已处理。\"}")
                .when().post("/api/v1/complaints/" + answered + "/replies").then().statusCode(201);
        // Replied: the callback, within 24 hours of the reply (the test clock's 2026-11-23T02:00Z).
        due("CALLBACK").statusCode(200)
                .body("items.find { it.complaintId == '" + answered + "' }.dueAt", equalTo("2026-11-24T02:00:00Z"));
        due("REPLY").body("items.complaintId", not(hasItem(answered.toString())));
    }

    @Test
    void anUnknownKindOrPageIsAProblem() {
        given().auth().oauth2(AGENT).when().get("/api/v1/followups/due?kind=LUNCH&page=-1&size=0")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("kind", "page", "size"));
        given().auth().oauth2(LocalInfra.tokens().forRole("analyst")).when().get("/api/v1/followups/due?kind=REPLY")
                .then().statusCode(403);
    }
}
