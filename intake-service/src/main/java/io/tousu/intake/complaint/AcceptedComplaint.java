package io.tousu.intake.complaint;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The answer to a submission: what the agent tells the customer. */
public record AcceptedComplaint(UUID id, String number, ComplaintStatus status, OffsetDateTime receivedAt,
                                OffsetDateTime promisedReplyBy) {
}
