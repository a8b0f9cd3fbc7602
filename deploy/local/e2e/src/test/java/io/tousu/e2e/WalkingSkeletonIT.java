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
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

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
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", tokens.publicKeyFile().toString()), logs);
        SERVICES.add(service);
        return service;
    }

    @AfterAll
    static void stopServices() {
        SERVICES.forEach(ServiceProcess::close);
    }

    @Test
    void aComplaintPostedToIntakeReachesEveryService() throws IOException {
        String body = Files.readString(root.resolve(EXAMPLE))
                .replace("CALL-20261122-0001", "CALL-" + UUID.randomUUID());
        String id = given().auth().oauth2(tokens.forRole("channel")).contentType(ContentType.JSON).body(body)
                .when().post(intake.url() + "/api/v1/complaints")
                .then().statusCode(201).extract().path("id");

        // Received on the example's day, dispatched now: the period spans both.
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        new KafkaProbe(kafka).await("workorders.billing", r -> id.equals(r.key()), 1, WAIT);

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(tokens.forDepartment("billing"))
                .when().get(routing.url() + "/api/v1/departments/billing/work-orders")
                .then().statusCode(200).body("complaintId", hasItem(id)));

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(tokens.forRole("agent"))
                .when().get(followup.url() + "/api/v1/complaints/" + id + "/sla")
                .then().statusCode(200).body("deadlines[0].kind", equalTo("REPLY")));

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(tokens.forRole("analyst"))
                .when().get(reporting.url() + "/api/v1/reports/kpis?from=2026-11-22&to=" + today)
                .then().statusCode(200)
                .body("received", greaterThanOrEqualTo(1))
                .body("dispatched", greaterThanOrEqualTo(1)));
    }
}
