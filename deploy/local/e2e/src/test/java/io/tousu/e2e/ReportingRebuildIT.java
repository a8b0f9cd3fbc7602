package io.tousu.e2e;

import io.tousu.local.FreePorts;
import io.tousu.local.LocalInfra;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reporting's read models are rebuildable: a second reporting on an empty database and a consumer
 * group of its own replays the complaint topics from the start and answers with the same numbers
 * as the one that read them live (the README's rebuild command).
 */
class ReportingRebuildIT {
    private static final String DAY = "2025-05-20";
    private static final List<String> REPORTS = List.of(
            "/api/v1/reports/kpis?from=2025-05-18&to=2025-05-24",
            "/api/v1/reports/breakdown?from=2025-05-18&to=2025-05-24&by=day",
            "/api/v1/reports/breakdown?from=2025-05-18&to=2025-05-24&by=category",
            "/api/v1/reports/departments?month=2025-05");

    @Test
    void aReplayIntoEmptyTablesGivesTheSameNumbers() {
        LocalInfra.Endpoints infra = LocalInfra.forThisJvm();
        Path root = Path.of(System.getProperty("tousu.root", "../../.."));
        Path logs = Path.of("target/e2e-logs/rebuild");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String analyst = LocalInfra.tokens().forRole("analyst");
        infra.createDatabase("reporting_live");
        infra.createDatabase("reporting_rebuilt");

        try (ServiceProcess live = ServiceProcess.start(root, "reporting-service", FreePorts.pick(),
                new E2eDatabase(infra, "reporting_live").serviceEnv("reporting-live-" + run), logs.resolve("live"))) {
            live.awaitReady(Duration.ofSeconds(90));
            int complaints = produce(infra.kafkaBootstrap());
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(given().auth().oauth2(analyst)
                    .when().get(live.url() + REPORTS.get(0)).then().statusCode(200)
                    .extract().<Integer>path("received")).isGreaterThanOrEqualTo(complaints));
            await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
            List<String> answers = REPORTS.stream().map(r -> given().auth().oauth2(analyst).when().get(live.url() + r)
                    .then().statusCode(200).extract().asString()).toList();

            try (ServiceProcess rebuilt = ServiceProcess.start(root, "reporting-service", FreePorts.pick(),
                    new E2eDatabase(infra, "reporting_rebuilt").serviceEnv("reporting-rebuild-" + run),
                    logs.resolve("rebuilt"))) {
                rebuilt.awaitReady(Duration.ofSeconds(90));
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    for (int i = 0; i < REPORTS.size(); i++) {
                        assertThat(given().auth().oauth2(analyst).when().get(rebuilt.url() + REPORTS.get(i))
                                .then().statusCode(200).extract().asString()).as(REPORTS.get(i)).isEqualTo(answers.get(i));
                    }
                });
            }
        }
    }

    /** A week of complaints with dispatches, results, replies, callbacks and closings; returns how many. */
    private static int produce(String bootstrap) {
        Random random = new Random(20250520);
        String[] categories = {"FEES.SP_CHARGE", "BASIC.NO_SIGNAL", "OWN.BROADBAND", "SERVICE.ATTITUDE"};
        String[] departments = {"billing", "network", "broadband", "service"};
        int n = 300;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < n; i++) {
                UUID c = UUID.randomUUID();
                int k = random.nextInt(categories.length);
                LocalDate day = LocalDate.parse(DAY).plusDays(random.nextInt(5) - 2);
                String at = day + "T" + String.format("%02d", 8 + random.nextInt(10)) + ":00:00+08:00";
                send(producer, "complaints.received", "ComplaintReceived.v1", c, """
                        {"complaintId":"%s","number":"TR%06d","channel":"%s","type":"COMPLAINT","category":"%s",
                         "area":"北京市","receivedAt":"%s","resolvedOnFirstContact":%s}"""
                        .formatted(c, i, random.nextBoolean() ? "HOTLINE" : "APP", categories[k], at, i % 7 == 0));
                if (i % 7 == 0) {
                    continue;
                }
                send(producer, "complaints.routing", "WorkOrderDispatched.v1", c, """
                        {"complaintId":"%s","department":"%s","category":"%s","dispatchedAt":"%s"}"""
                        .formatted(c, departments[k], categories[k], day + "T09:30:00Z"));
                send(producer, "complaints.routing", "WorkOrderResultSubmitted.v1", c, """
                        {"complaintId":"%s","outcome":"RESOLVED","rootCause":"%s","submittedAt":"%s"}"""
                        .formatted(c, i % 3 == 0 ? "COMPANY" : "CUSTOMER", day.plusDays(1) + "T03:00:00Z"));
                send(producer, "complaints.followup", "CustomerReplied.v1", c, """
                        {"complaintId":"%s","channel":"PHONE","repliedAt":"%s"}""".formatted(c, day.plusDays(1) + "T05:00:00Z"));
                boolean satisfied = i % 4 != 0;
                send(producer, "complaints.followup", "CallbackRecorded.v1", c, """
                        {"complaintId":"%s","level":"L1","reached":true,"satisfaction":"%s","round":1,"recordedAt":"%s"}"""
                        .formatted(c, satisfied ? "SATISFIED" : "UNSATISFIED", day.plusDays(2) + "T02:00:00Z"));
                if (satisfied) {
                    send(producer, "complaints.followup", "ComplaintClosed.v1", c, """
                            {"complaintId":"%s","reason":"SATISFIED","closedAt":"%s"}""".formatted(c, day.plusDays(2) + "T02:00:00Z"));
                } else {
                    send(producer, "complaints.followup", "ComplaintReopened.v1", c, """
                            {"complaintId":"%s","round":2,"reopenedAt":"%s"}""".formatted(c, day.plusDays(2) + "T02:00:00Z"));
                }
            }
            producer.flush();
        }
        return n;
    }

    private static void send(KafkaProducer<String, String> producer, String topic, String type, UUID key, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key.toString(), value);
        record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
                .add("ce_type", type.getBytes(StandardCharsets.UTF_8))
                .add("ce_subject", key.toString().getBytes(StandardCharsets.UTF_8));
        producer.send(record);
    }
}
