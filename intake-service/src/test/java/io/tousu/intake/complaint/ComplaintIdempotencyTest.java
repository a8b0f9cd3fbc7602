package io.tousu.intake.complaint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.tousu.local.LocalInfra;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static io.tousu.intake.complaint.Submissions.example;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class ComplaintIdempotencyTest {
    private static final String CHANNEL = LocalInfra.tokens().forRole("channel");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Response post(String body, String key) {
        return given().auth().oauth2(CHANNEL).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/complaints");
    }

    @Test
    void manyParallelIdenticalSubmissionsMakeOneComplaint() throws Exception {
        String ref = "CALL-" + UUID.randomUUID();
        String body = example(ref);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(() -> Submissions.post(body, CHANNEL));
            }
            List<Integer> statuses = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (Future<Response> f : pool.invokeAll(calls)) {
                statuses.add(f.get().statusCode());
                ids.add(f.get().path("id"));
            }
            assertThat(statuses).containsOnly(201, 200).filteredOn(s -> s == 201).hasSize(1);
            assertThat(ids).containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(QuarkusTransaction.requiringNew().call(() -> Complaint.count("channelRef", ref))).isEqualTo(1);
    }

    /**
     * New submissions and retries arriving together share the complaint writer's batches: a batch
     * holding a retry fails as a whole and is stored one by one. Every new one must still be
     * created once, and every retry answered with its original.
     */
    @Test
    void retriesMixedIntoABurstOfNewSubmissionsAreAnsweredWithTheirOriginals() throws Exception {
        List<String> earlier = new ArrayList<>();
        List<String> earlierIds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String body = example("CALL-" + UUID.randomUUID());
            earlier.add(body);
            earlierIds.add(Submissions.post(body, CHANNEL).then().statusCode(201).extract().path("id"));
        }
        List<String> fresh = new ArrayList<>();
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String retry = earlier.get(i);
            String ref = "CALL-" + UUID.randomUUID();
            fresh.add(ref);
            calls.add(() -> Submissions.post(retry, CHANNEL));
            calls.add(() -> Submissions.post(example(ref), CHANNEL));
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Response>> answers = pool.invokeAll(calls);
            for (int i = 0; i < 20; i++) {
                Response retried = answers.get(2 * i).get();
                assertThat(retried.statusCode()).isEqualTo(200);
                assertThat(retried.<String>path("id")).isEqualTo(earlierIds.get(i));
                assertThat(answers.get(2 * i + 1).get().statusCode()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
        for (String ref : fresh) {
            assertThat(QuarkusTransaction.requiringNew().call(() -> Complaint.count("channelRef", ref))).isEqualTo(1);
        }
    }

    @Test
    void theSameIdempotencyKeyAnswersTheOriginalAndRefusesAnotherBody() {
        String key = UUID.randomUUID().toString();
        String body = example("CALL-" + UUID.randomUUID());
        String id = post(body, key).then().statusCode(201).extract().path("id");
        post(body, key).then().statusCode(200).body("id", equalTo(id));
        post(example("CALL-" + UUID.randomUUID()), key).then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void aRetryWithItsFieldsInAnotherOrderAndLayoutIsTheSameSubmission() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = example("CALL-" + UUID.randomUUID());
        String id = post(body, key).then().statusCode(201).extract().path("id");
        ObjectNode sent = (ObjectNode) JSON.readTree(body);
        ObjectNode reordered = JSON.createObjectNode();
        List<String> names = new ArrayList<>();
        sent.fieldNames().forEachRemaining(names::add);
        Collections.reverse(names);
        names.forEach(name -> reordered.set(name, sent.get(name)));
        post(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(reordered), key).then().statusCode(200)
                .body("id", equalTo(id));
    }
}
