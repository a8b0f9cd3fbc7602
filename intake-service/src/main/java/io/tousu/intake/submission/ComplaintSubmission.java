package io.tousu.intake.submission;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A complaint as a channel system submits it (REST body or {@code complaints.submitted}
 * record). Enumerations arrive as strings so that every unknown value is reported as a field
 * error in one answer, not as the first parse failure.
 */
public record ComplaintSubmission(
        String channel,
        String channelRef,
        String type,
        OffsetDateTime receivedAt,
        Customer customer,
        String serviceNumber,
        String area,
        String category,
        String subject,
        String description,
        OffsetDateTime occurredAt,
        List<String> demands,
        List<Evidence> evidence,
        FirstResponder firstResponder,
        Boolean resolvedOnFirstContact,
        String resolution,
        Referral referral) {

    public record Customer(String id, String name, String phone, String email, Boolean vip,
                           String preferredContact) {
    }

    public record Evidence(String kind, String ref) {
    }

    /** The agent who took the complaint and owns it (首问负责制). */
    public record FirstResponder(String agentId, String name, String phone) {
    }

    /** A case referred by a regulator, government hotline, consumer association or the media. */
    public record Referral(String source, String referenceNo, OffsetDateTime dueBy) {
    }

    public String typeOrDefault() {
        return type == null ? ComplaintType.COMPLAINT.name() : type;
    }

    public boolean firstContactResolution() {
        return Boolean.TRUE.equals(resolvedOnFirstContact);
    }
}
