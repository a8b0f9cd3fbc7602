package io.tousu.reporting.rollup;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.tousu.local.KafkaProbe;
import io.tousu.local.LocalInfra;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The pre-aggregates over the real broker, from a month of lifecycles whose events arrive shuffled
 * across and within the topics, a third of them twice: the reports show what the lifecycles hold,
 * and {@code kpi_day} equals the contributions recomputed from all the complaints' rows at the end.
 */
@QuarkusTest
class RollupConsistencyTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String ANALYST = LocalInfra.tokens().forRole("analyst");
    private final KafkaProbe kafka = new KafkaProbe(LocalInfra.forThisJvm().kafkaBootstrap());

    @Inject
    EntityManager em;

    @Inject
    DailyRollups rollups;

    private record Event(String topic, String type, UUID complaint, String id, String data) {
    }

    @Test
    void shuffledAndRedeliveredEventsAddUpToTheRecomputedTotals() {
        Random random = new Random(2031);
        List<Event> events = new ArrayList<>();
        List<UUID> complaints = new ArrayList<>();
        long dispatched = 0;
        long returns = 0;
        long closed = 0;
        long withdrawn = 0;
        long reopened = 0;
        long compensationCents = 0;
        for (int i = 0; i < 80; i++) {
            UUID c = UUID.randomUUID();
            complaints.add(c);
            Instant received = LocalDate.of(2031, 3, 1 + i % 28).atTime(10, i % 60).atZone(ZONE).toInstant();
            String dept = random.nextBoolean() ? "billing" : "network";
            add(events, "complaints.received", "ComplaintReceived.v1", c, """
                    {"complaintId":"%s","number":"TR2031%04d","status":"RECEIVED","channel":"%s","type":"COMPLAINT",
                     "category":"%s","area":"天津市和平区","receivedAt":"%s","resolvedOnFirstContact":false}"""
                    .formatted(c, i, random.nextBoolean() ? "HOTLINE" : "APP", dept.equals("billing") ? "FEES.PACKAGE"
                            : "BASIC.DATA", received.atZone(ZONE).toOffsetDateTime()));
            if (random.nextInt(10) < 2) {
                continue; // not dispatched yet
            }
            dispatched++;
            Instant at = received.plusSeconds(60);
            add(events, "complaints.routing", "WorkOrderDispatched.v1", c, """
                    {"complaintId":"%s","department":"%s","category":"%s","dispatchedAt":"%s"}"""
                    .formatted(c, dept, dept.equals("billing") ? "FEES.PACKAGE" : "BASIC.DATA", at));
            Instant due = received.plus(Duration.ofDays(5));
            // Two snapshots of the reply clock: the older one must lose whichever comes last.
            add(events, "complaints.followup", "ClocksSet.v1", c, clocks(c, due, "PENDING", at));
            if (random.nextInt(5) == 0) {
                returns++;
                add(events, "complaints.routing", "WorkOrderReturned.v1", c, """
                        {"complaintId":"%s","department":"%s","reason":"非本部门","returnedAt":"%s"}"""
                        .formatted(c, dept, at.plusSeconds(600)));
            }
            long cents = random.nextInt(3) == 0 ? 100L * random.nextInt(50) : 0;
            compensationCents += cents;
            add(events, "complaints.routing", "WorkOrderResultSubmitted.v1", c, """
                    {"complaintId":"%s","outcome":"RESOLVED","rootCause":"COMPANY","compensation":%s,"submittedAt":"%s"}"""
                    .formatted(c, cents == 0 ? "null" : "{\"kind\":\"REFUND\",\"amount\":\"" + BigDecimal.valueOf(cents, 2)
                            + "\"}", at.plus(Duration.ofDays(1))));
            Instant replied = at.plus(Duration.ofDays(random.nextInt(7)));
            add(events, "complaints.followup", "CustomerReplied.v1", c, """
                    {"complaintId":"%s","agentId":"a-1","channel":"PHONE","repliedAt":"%s"}""".formatted(c, replied));
            add(events, "complaints.followup", "ClocksSet.v1", c, clocks(c, due, replied.isAfter(due) ? "BREACHED" : "MET",
                    replied));
            if (random.nextInt(10) == 0) {
                withdrawn++;
                closed++;
                add(events, "complaints.followup", "ComplaintClosed.v1", c, close(c, "WITHDRAWN", replied.plusSeconds(60)));
                continue;
            }
            boolean satisfied = random.nextInt(4) > 0;
            Instant callback = replied.plus(Duration.ofHours(5));
            add(events, "complaints.followup", "CallbackRecorded.v1", c, """
                    {"complaintId":"%s","level":"L1","reached":true,"satisfaction":"%s","round":1,"recordedAt":"%s"}"""
                    .formatted(c, satisfied ? "SATISFIED" : "UNSATISFIED", callback));
            if (!satisfied) {
                reopened++;
                add(events, "complaints.followup", "ComplaintReopened.v1", c, """
                        {"complaintId":"%s","reason":"不满意","round":2,"reopenedAt":"%s"}""".formatted(c, callback));
            }
            closed++;
            add(events, "complaints.followup", "ComplaintClosed.v1", c, close(c, "SATISFIED",
                    callback.plus(Duration.ofDays(satisfied ? 0 : 2))));
        }
        List<Event> deliveries = new ArrayList<>(events);
        deliveries.addAll(events.subList(0, events.size() / 3)); // redelivered: the same CloudEvent ids again
        Collections.shuffle(deliveries, random);
        for (Event e : deliveries) {
            kafka.send(e.topic(), e.complaint().toString(), e.data(), Map.of("ce_specversion", "1.0", "ce_id", e.id(),
                    "ce_type", e.type(), "ce_source", "/test", "ce_subject", e.complaint().toString()));
        }

        String march = "/api/v1/reports/kpis?from=2031-03-01&to=2031-04-30";
        long d = dispatched, r = returns, cl = closed, w = withdrawn, ro = reopened;
        float compensation = compensationCents / 100f;
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(ANALYST).when().get(march)
                .then().statusCode(200)
                .body("received", equalTo(80))
                .body("dispatched", equalTo((int) d))
                .body("returns", equalTo((int) r))
                .body("closed", equalTo((int) cl))
                .body("withdrawals", equalTo((int) w))
                .body("compensationPaid", equalTo(compensation)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(stored()).isNotEmpty()
                .isEqualTo(recomputed(complaints)));
        assertThat(ro).isPositive();
    }

    /** {@code kpi_day} for 2031, as the projection kept it. */
    private Map<String, List<Long>> stored() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, List<Long>> rows = new HashMap<>();
            @SuppressWarnings("unchecked")
            List<Object[]> result = em.createNativeQuery("SELECT day, channel, category, department, area, received, "
                    + "dispatched, closed, returns, reply_due, replied_on_time, callbacks_reached, reopened, compensation "
                    + "FROM kpi_day WHERE day >= DATE '2031-01-01' AND day < DATE '2032-01-01'").getResultList();
            for (Object[] row : result) {
                List<Long> values = new ArrayList<>();
                for (int i = 5; i < row.length; i++) {
                    values.add(row[i] instanceof BigDecimal b ? b.movePointRight(2).longValue() : ((Number) row[i]).longValue());
                }
                if (values.stream().anyMatch(v -> v != 0)) {
                    rows.put(row[0] + "|" + row[1] + "|" + row[2] + "|" + row[3] + "|" + row[4], values);
                }
            }
            return rows;
        });
    }

    /** The same columns recomputed from all the complaints' rows at once. */
    private Map<String, List<Long>> recomputed(List<UUID> complaints) {
        Contributions all = QuarkusTransaction.requiringNew().call(() -> rollups.of(complaints));
        Map<String, List<Long>> rows = new HashMap<>();
        all.kpis.forEach((k, m) -> {
            List<Long> values = new ArrayList<>();
            for (Contributions.Kpi kpi : List.of(Contributions.Kpi.RECEIVED, Contributions.Kpi.DISPATCHED,
                    Contributions.Kpi.CLOSED, Contributions.Kpi.RETURNS, Contributions.Kpi.REPLY_DUE,
                    Contributions.Kpi.REPLIED_ON_TIME, Contributions.Kpi.CALLBACKS_REACHED, Contributions.Kpi.REOPENED,
                    Contributions.Kpi.COMPENSATION)) {
                values.add(m[kpi.ordinal()]);
            }
            if (values.stream().anyMatch(v -> v != 0)) {
                rows.put(k.day() + "|" + k.channel() + "|" + k.category() + "|" + k.department() + "|" + k.area(), values);
            }
        });
        return rows;
    }

    private static void add(List<Event> events, String topic, String type, UUID c, String data) {
        events.add(new Event(topic, type, c, UUID.randomUUID().toString(), data));
    }

    private static String clocks(UUID c, Instant due, String state, Instant setAt) {
        return """
                {"complaintId":"%s","clocks":[{"kind":"REPLY","round":1,"dueAt":"%s","state":"%s"}],"setAt":"%s"}"""
                .formatted(c, due, state, setAt);
    }

    private static String close(UUID c, String reason, Instant at) {
        return """
                {"complaintId":"%s","reason":"%s","round":1,"closedAt":"%s"}""".formatted(c, reason, at);
    }
}
