package io.tousu.e2e;

import io.restassured.http.ContentType;
import io.tousu.local.FreePorts;
import io.tousu.local.JwtIssuer;
import io.tousu.local.KafkaProbe;
import io.tousu.local.LocalInfra;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;

/**
 * The four packaged services as separate processes on a real broker and database: a complaint
 * posted to intake reaches the department's topic and queue, followup's clock and reporting.
 */
class WalkingSkeletonIT {
    /** Followup and reporting join topics that hold RoutingCrashIT's backlog of thousands of events first. */
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** The contract's example, as intake serves it for its OpenAPI document. */
    private static final String EXAMPLE = "intake-service/src/main/resources/META-INF/resources/complaint-example.json";
    private static final List<ServiceProcess> SERVICES = new ArrayList<>();
    private static ServiceProcess intake;
    private static ServiceProcess routing;
    private static ServiceProcess followup;
    private static ServiceProcess reporting;
    private static final OtlpReceiver COLLECTOR = new OtlpReceiver();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static JwtIssuer tokens;
    private static String kafka;
    private static Path root;

    @BeforeAll
    static void startServices() {
        LocalInfra.Endpoints infra = LocalInfra.forThisJvm();
        tokens = LocalInfra.tokens();
        kafka = infra.kafkaBootstrap();
        root = Path.of(System.getProperty("tousu.root", "../../.."));
        Path logs = Path.of("target/e2e-logs");
        intake = start(root, "intake-service", infra, logs);
        routing = start(root, "routing-service", infra, logs);
        followup = start(root, "followup-service", infra, logs);
        reporting = start(root, "reporting-service", infra, logs);
        SERVICES.forEach(s -> s.awaitReady(Duration.ofSeconds(90)));
    }

    private static ServiceProcess start(Path root, String name, LocalInfra.Endpoints infra, Path logs) {
        String database = name.replace("-service", "");
        infra.createDatabase(database);
        ServiceProcess service = ServiceProcess.start(root, name, FreePorts.pick(), Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrap(),
                "QUARKUS_DATASOURCE_JDBC_URL", infra.jdbcUrl(database),
                "QUARKUS_DATASOURCE_USERNAME", infra.dbUser(),
                "QUARKUS_DATASOURCE_PASSWORD", infra.dbPassword(),
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", tokens.publicKeyFile().toString(),
                "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", COLLECTOR.endpoint(),
                "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "100ms"), logs);
        SERVICES.add(service);
        return service;
    }

    @AfterAll
    static void stopServices() {
        SERVICES.forEach(ServiceProcess::close);
        COLLECTOR.close();
    }

    @Test
    void aComplaintPostedToIntakeReachesEveryService() throws IOException {
        String id = post(null);

        // Received on the example's day, dispatched now: the period spans both.
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        new KafkaProbe(kafka).await("workorders.billing", r -> id.equals(r.key()), 1, WAIT);

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(tokens.forDepartment("billing"))
                .when().get(routing.url() + "/api/v1/departments/billing/work-orders")
                .then().statusCode(200).body("complaintId", hasItem(id)));

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(tokens.forRole("agent"))
                .when().get(followup.url() + "/api/v1/complaints/" + id + "/sla")
                // The promise told at intake comes with the receipt; the pack's clocks with it.
                .then().statusCode(200).body("deadlines.kind", hasItems("PROGRESS_NOTICE", "RESOLVE", "REPLY", "PROMISE")));

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(tokens.forRole("analyst"))
                .when().get(reporting.url() + "/api/v1/reports/kpis?from=2026-11-22&to=" + today)
                .then().statusCode(200)
                .body("received", greaterThanOrEqualTo(1))
                .body("dispatched", greaterThanOrEqualTo(1)));
    }

    /** The channel system's own trace continues through intake, the relays, routing, followup and reporting. */
    @Test
    void aComplaintHasOneTraceAcrossEveryService() throws IOException {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String id = post("00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01");

        // Each service's own work on the complaint, not only a client library's receive.
        await().atMost(WAIT).untilAsserted(() -> assertThat(COLLECTOR.spans().stream()
                .filter(span -> traceId.equals(span.traceId())).map(span -> span.service() + ": " + span.name()))
                .as("spans in trace %s of complaint %s", traceId, id)
                .contains("intake-service: POST /api/v1/complaints", "intake-service: store complaint",
                        "intake-service: publish complaints.received", "routing-service: route complaint",
                        "routing-service: publish complaints.routing", "routing-service: publish workorders.billing",
                        "followup-service: process complaints.routing", "reporting-service: process complaints.received",
                        "reporting-service: process complaints.routing"));
        List<OtlpReceiver.ReceivedSpan> trace = COLLECTOR.spans().stream()
                .filter(span -> traceId.equals(span.traceId())).toList();
        // Every span but the request's hangs under another span of the same trace: one tree, no orphans.
        Set<String> spanIds = trace.stream().map(OtlpReceiver.ReceivedSpan::spanId).collect(Collectors.toSet());
        assertThat(trace).filteredOn(span -> !spanIds.contains(span.parentSpanId()))
                .extracting(OtlpReceiver.ReceivedSpan::service).containsOnly("intake-service");
        Files.writeString(Path.of("target/e2e-logs/trace.txt"), tree(trace, "", ""));
    }

    /**
     * The loop with the customer across the four services: the department answers, the agent
     * replies, the customer is unsatisfied twice (routing sends it back at L2, then L3), and is
     * satisfied the third time; intake shows the complaint closed.
     */
    @Test
    void theSatisfactionLoopRunsUntilTheCustomerIsSatisfied() throws IOException {
        String id = post(null);
        String supervisor = tokens.forRole("supervisor");
        String agent = tokens.forRole("agent");
        String department = tokens.forDepartment("billing");
        List<String> answers = List.of("UNSATISFIED", "UNSATISFIED", "SATISFIED");
        for (int round = 1; round <= answers.size(); round++) {
            // Each round's order: the first dispatch, then one per reopening.
            String order = await().atMost(WAIT).until(() -> given().auth().oauth2(supervisor)
                    .when().get(routing.url() + "/api/v1/work-orders?complaintId=" + id)
                    .then().statusCode(200).extract().<String>path("find { it.status == 'OPEN' }.id"), o -> o != null);
            given().auth().oauth2(department).contentType(ContentType.JSON).body("{\"handler\":\"王五\"}")
                    .when().post(routing.url() + "/api/v1/work-orders/" + order + "/accept").then().statusCode(200);
            given().auth().oauth2(department).contentType(ContentType.JSON).body("""
                    {"outcome":"RESOLVED","resolution":"已核实并退还SP信息费","rootCause":"COMPANY",
                     "responsibleParty":"某SP公司","compensation":{"kind":"REFUND","amount":"20.00"},"handledBy":"王五"}""")
                    .when().post(routing.url() + "/api/v1/work-orders/" + order + "/result").then().statusCode(200);
            await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(agent).contentType(ContentType.JSON)
                    .body("{\"agentId\":\"agent-007\",\"channel\":\"PHONE\",\"message\":\"您好，已为您退还误扣费用。\"}")
                    .when().post(followup.url() + "/api/v1/complaints/" + id + "/replies").then().statusCode(201));
            String satisfaction = answers.get(round - 1);
            given().auth().oauth2(agent).contentType(ContentType.JSON).body("""
                    {"level":"L%d","reached":true,"satisfaction":"%s","agentId":"agent-009"}""".formatted(round, satisfaction))
                    .when().post(followup.url() + "/api/v1/complaints/" + id + "/callbacks")
                    .then().statusCode(201).body("outcome", equalTo(round < answers.size() ? "REOPENED" : "CLOSED"));
        }
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(agent)
                .when().get(intake.url() + "/api/v1/complaints/" + id)
                .then().statusCode(200).body("status", equalTo("CLOSED")));
        List<Integer> levels = given().auth().oauth2(supervisor)
                .when().get(routing.url() + "/api/v1/work-orders?complaintId=" + id)
                .then().statusCode(200).extract().path("escalationLevel");
        assertThat(levels).containsExactlyInAnyOrder(1, 2, 3);
    }

    /** What operations ask a running replica first: which build it is. */
    @Test
    void everyServiceSaysWhichBuildItRuns() {
        for (ServiceProcess service : SERVICES) {
            given().when().get(service.url() + "/q/info")
                    .then().statusCode(200)
                    .body("build.artifact", equalTo(service.name()))
                    .body("git.commit.id", matchesPattern("[0-9a-f]{7,40}"));
        }
    }

    /** The trace as an indented tree, for the README and for whoever reads a failed run. */
    private static String tree(List<OtlpReceiver.ReceivedSpan> trace, String parent, String indent) {
        Set<String> ids = trace.stream().map(OtlpReceiver.ReceivedSpan::spanId).collect(Collectors.toSet());
        StringBuilder out = new StringBuilder();
        for (OtlpReceiver.ReceivedSpan span : trace) {
            boolean root = parent.isEmpty() && !ids.contains(span.parentSpanId());
            if (root || (!parent.isEmpty() && parent.equals(span.parentSpanId()))) {
                out.append(indent).append(span.service()).append(": ").append(span.name()).append('\n')
                        .append(tree(trace, span.spanId(), indent + "  "));
            }
        }
        return out.toString();
    }

    private static String post(String traceparent) throws IOException {
        // Received now: the example's fixed date would by now have breached the reply clock, and the
        // escalation that follows is not what these tests are about.
        String body = Files.readString(root.resolve(EXAMPLE))
                .replace("CALL-20261122-0001", "CALL-" + UUID.randomUUID())
                .replace("2026-11-22T09:15:00+08:00", OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).withNano(0).toString());
        var request = given().auth().oauth2(tokens.forRole("channel")).contentType(ContentType.JSON).body(body);
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        return request.when().post(intake.url() + "/api/v1/complaints")
                .then().statusCode(201).extract().path("id");
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
