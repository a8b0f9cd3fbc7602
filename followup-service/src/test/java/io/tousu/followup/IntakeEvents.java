package io.tousu.followup;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tousu.followup.sla.SlaClock;
import io.tousu.local.KafkaProbe;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Intake's {@code ComplaintReceived.v1} as followup reads it from complaints.received, for tests. */
public final class IntakeEvents {
    private IntakeEvents() {
    }

    /**
     * A complaint received at {@code receivedAt} of {@code type}, by a customer who prefers SMS,
     * with a referral ({@code source}, {@code dueBy}) if {@code referralSource} is not null.
     */
    public static String received(UUID complaintId, Instant receivedAt, String type, String referralSource,
                                  Instant referralDueBy) {
        String referral = referralSource == null ? "null" : """
                {"source":"%s","referenceNo":"GXB-2026-118","dueBy":"%s"}""".formatted(referralSource, referralDueBy);
        return """
                {"complaintId":"%s","number":"TS20261123000042","status":"RECEIVED","channel":"HOTLINE",
                 "channelRef":"call-%s","type":"%s","receivedAt":"%s","promisedReplyBy":"%s",
                 "customer":{"id":"C-1","name":"李女士","phone":"13800138000","email":"li@example.cn",
                             "preferredContact":"SMS"},
                 "serviceNumber":"13800138000","area":"北京市海淀区","category":"FEES.SP_CHARGE",
                 "subject":"扣费异常","description":"本月被扣了不认识的增值业务费。",
                 "firstResponder":{"agentId":"agent-007"},"resolvedOnFirstContact":false,"referral":%s}
                """.formatted(complaintId, complaintId, type, receivedAt, receivedAt.plus(Duration.ofHours(24)), referral);
    }

    /** Publishes a receipt and waits until followup opened its clocks. */
    public static UUID receivedComplaint(KafkaProbe kafka, Instant receivedAt, String type) {
        return receivedComplaint(kafka, UUID.randomUUID(), receivedAt, type);
    }

    public static UUID receivedComplaint(KafkaProbe kafka, UUID complaint, Instant receivedAt, String type) {
        publish(kafka, complaint, received(complaint, receivedAt, type, null, null));
        awaitClocks(complaint);
        return complaint;
    }

    public static void publish(KafkaProbe kafka, UUID complaint, String value) {
        kafka.send("complaints.received", complaint.toString(), value, Map.of("ce_specversion", "1.0",
                "ce_id", UUID.randomUUID().toString(), "ce_type", "ComplaintReceived.v1",
                "ce_source", "/intake-service", "ce_subject", complaint.toString()));
    }

    public static void awaitClocks(UUID complaint) {
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(
                () -> SlaClock.count("complaintId", complaint) > 0));
    }
}
