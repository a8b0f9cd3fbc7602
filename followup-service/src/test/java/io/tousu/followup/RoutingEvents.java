package io.tousu.followup;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tousu.followup.complaint.FollowedComplaint;
import io.tousu.local.KafkaProbe;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Routing's events as followup reads them from complaints.routing, for tests. */
public final class RoutingEvents {
    private RoutingEvents() {
    }

    /** A work order dispatched for a complaint received at {@code receivedAt} (ISO offset date-time). */
    public static String dispatched(UUID complaintId, String receivedAt) {
        return """
                {"workOrderId":"%s","complaintId":"%s","number":"TS20261122000001","department":"billing",
                 "category":"FEES.SP_CHARGE","priority":"NORMAL","escalationLevel":1,"ruleId":"category-department",
                 "ruleVersion":1,"receivedAt":"%s","dispatchedAt":"2026-11-22T01:15:02Z"}
                """.formatted(UUID.randomUUID(), complaintId, receivedAt);
    }

    /** The department's result for a complaint's work order, refunding 10 CNY. */
    public static String resultSubmitted(UUID complaintId) {
        return resultSubmitted(complaintId, "10.00");
    }

    public static String resultSubmitted(UUID complaintId, String refund) {
        return """
                {"workOrderId":"%s","complaintId":"%s","department":"billing","outcome":"RESOLVED",
                 "resolution":"已退还误扣费用","rootCause":"COMPANY","handledBy":"billing-1",
                 "compensation":{"kind":"REFUND","amount":"%s"},"submittedAt":"2026-11-23T03:00:00Z"}
                """.formatted(UUID.randomUUID(), complaintId, refund);
    }

    /** Dispatches a new complaint (received 2026-11-22 09:15 Beijing time) and waits until followup follows it. */
    public static UUID followedComplaint(KafkaProbe kafka) {
        UUID complaint = UUID.randomUUID();
        publish(kafka, complaint.toString(), UUID.randomUUID().toString(), dispatched(complaint, "2026-11-22T09:15:00+08:00"));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(
                () -> FollowedComplaint.findById(complaint) != null));
        return complaint;
    }

    public static void publish(KafkaProbe kafka, String key, String eventId, String value) {
        publish(kafka, "WorkOrderDispatched.v1", key, eventId, value);
    }

    public static void publish(KafkaProbe kafka, String type, String key, String eventId, String value) {
        kafka.send("complaints.routing", key, value, Map.of("ce_specversion", "1.0", "ce_id", eventId,
                "ce_type", type, "ce_source", "/routing-service", "ce_subject", key));
    }
}
