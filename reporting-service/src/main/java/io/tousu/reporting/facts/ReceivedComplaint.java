package io.tousu.reporting.facts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Reporting's tolerant reading of intake's {@code ComplaintReceived.v1}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReceivedComplaint(UUID complaintId, String number, String status, String channel, String type,
                                String category, String area, OffsetDateTime receivedAt, boolean resolvedOnFirstContact,
                                Referral referral, String subject, String description, Customer customer) {
    public static final String TYPE = "ComplaintReceived";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Referral(String source) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Customer(String name, String phone) {
    }

    public String referralSource() {
        return referral == null ? null : referral.source();
    }
}
