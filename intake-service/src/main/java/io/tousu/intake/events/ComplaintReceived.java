package io.tousu.intake.events;

import io.tousu.intake.submission.ComplaintSubmission;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * {@code ComplaintReceived.v1} on {@code complaints.received}: an accepted complaint, whole,
 * with the id, number, status and promised reply time intake gave it.
 */
public record ComplaintReceived(
        UUID complaintId,
        String number,
        String status,
        String channel,
        String channelRef,
        String type,
        OffsetDateTime receivedAt,
        OffsetDateTime promisedReplyBy,
        ComplaintSubmission.Customer customer,
        String serviceNumber,
        String area,
        String category,
        String subject,
        String description,
        OffsetDateTime occurredAt,
        List<String> demands,
        List<ComplaintSubmission.Evidence> evidence,
        ComplaintSubmission.FirstResponder firstResponder,
        boolean resolvedOnFirstContact,
        String resolution,
        ComplaintSubmission.Referral referral) {

    public static final String TYPE = "ComplaintReceived.v1";
    public static final String TOPIC = "complaints.received";
}
