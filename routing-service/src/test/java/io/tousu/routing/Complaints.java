package io.tousu.routing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tousu.local.KafkaProbe;
import io.tousu.local.LocalInfra;
import io.tousu.routing.workorder.WorkOrder;

import java.time.Duration;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.awaitility.Awaitility.await;

/**
 * Builds intake's {@code ComplaintReceived.v1} events for tests and publishes them. Each
 * complaint gets its own customer and area unless a test sets them, so that repeat and
 * incident detection only join complaints a test means to join.
 */
public final class Complaints {
    public static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final KafkaProbe kafka = new KafkaProbe(LocalInfra.forThisJvm().kafkaBootstrap());

    /** Waits for the one work order of a complaint, and reads it. */
    public static WorkOrder onlyWorkOrderOf(UUID complaintId) {
        await().atMost(WAIT).until(() -> workOrdersOf(complaintId) == 1);
        return QuarkusTransaction.requiringNew().call(() -> WorkOrder.<WorkOrder>find("complaintId", complaintId)
                .singleResult());
    }

    public static long workOrdersOf(UUID complaintId) {
        return QuarkusTransaction.requiringNew().call(() -> WorkOrder.count("complaintId", complaintId));
    }

    public KafkaProbe kafka() {
        return kafka;
    }

    public Event complaint(String category) {
        return new Event(category);
    }

    /** Publishes an event of any type on {@code complaints.followup}, keyed by the complaint. */
    public void followup(UUID complaintId, String type, String data) {
        kafka.send("complaints.followup", complaintId.toString(), data, Map.of("ce_specversion", "1.0",
                "ce_id", UUID.randomUUID().toString(), "ce_type", type, "ce_source", "/followup-service",
                "ce_subject", complaintId.toString()));
    }

    public final class Event {
        public final UUID id = UUID.randomUUID();
        private final ObjectNode body = MAPPER.createObjectNode();
        private final ObjectNode customer = body.putObject("customer");

        private Event(String category) {
            int n = ThreadLocalRandom.current().nextInt(100_000_000);
            body.put("complaintId", id.toString()).put("number", "TS20261122%08d".formatted(n))
                    .put("status", "RECEIVED").put("channel", "HOTLINE").put("channelRef", "CALL-" + id)
                    .put("type", "COMPLAINT").put("receivedAt", "2026-11-22T09:15:00+08:00")
                    .put("area", "测试区" + id).put("category", category)
                    .put("subject", "未订制SP业务却被收取费用").put("description", "本月账单出现两笔信息费")
                    .put("resolvedOnFirstContact", false);
            customer.put("id", "C-" + id).put("name", "张三").put("phone", "139%08d".formatted(n)).put("vip", false);
            body.putObject("someFutureField").put("x", 1);
        }

        public Event set(String field, String value) {
            body.put(field, value);
            return this;
        }

        public Event customer(String field, String value) {
            customer.put(field, value);
            return this;
        }

        public Event vip() {
            customer.put("vip", true);
            return this;
        }

        public Event referral(String source) {
            body.putObject("referral").put("source", source).put("referenceNo", "REF-" + id)
                    .put("dueBy", "2026-11-29T17:00:00+08:00");
            return this;
        }

        public Event demands(String... demands) {
            var array = body.putArray("demands");
            for (String d : demands) {
                array.add(d);
            }
            return this;
        }

        public String json() {
            return body.toString();
        }

        /** Publishes under a new event id; returns this complaint's id. */
        public UUID publish() {
            return publish(UUID.randomUUID().toString());
        }

        public UUID publish(String eventId) {
            kafka.send("complaints.received", id.toString(), json(), Map.of("ce_specversion", "1.0", "ce_id", eventId,
                    "ce_type", "ComplaintReceived.v1", "ce_source", "/intake-service", "ce_subject", id.toString()));
            return id;
        }
    }
}
