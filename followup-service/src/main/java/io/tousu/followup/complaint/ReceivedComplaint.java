package io.tousu.followup.complaint;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What followup reads of intake's {@code ComplaintReceived}: whom to answer, how, and what its clocks depend on. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReceivedComplaint(UUID complaintId, String number, String channel, String type, OffsetDateTime receivedAt,
                                OffsetDateTime promisedReplyBy, Customer customer, FirstResponder firstResponder,
                                boolean resolvedOnFirstContact, Referral referral) {
    public static final String TYPE = "ComplaintReceived";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Customer(String name, String phone, String email, String preferredContact) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FirstResponder(String agentId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Referral(String source, String referenceNo, OffsetDateTime dueBy) {
    }
}
