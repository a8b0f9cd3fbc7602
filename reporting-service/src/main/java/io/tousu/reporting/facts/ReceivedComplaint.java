package io.tousu.reporting.facts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Reporting's tolerant reading of intake's {@code ComplaintReceived.v1}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReceivedComplaint(UUID complaintId, String number, String status, String channel, String type,
                                String category, String area, OffsetDateTime receivedAt, boolean resolvedOnFirstContact,
                                Referral referral) {
    public static final String TYPE = "ComplaintReceived";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Referral(String source) {
    }

    public String referralSource() {
        return referral == null ? null : referral.source();
    }
}
