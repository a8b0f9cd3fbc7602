package io.tousu.routing.complaint;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Routing's tolerant reading of intake's {@code ComplaintReceived.v1}: only what routing uses. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReceivedComplaint(
        UUID complaintId,
        String number,
        String channel,
        String type,
        OffsetDateTime receivedAt,
        Customer customer,
        String serviceNumber,
        String area,
        String category,
        String subject,
        String description,
        boolean resolvedOnFirstContact,
        Referral referral,
        List<String> demands) {

    public static final String TYPE = "ComplaintReceived";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Customer(String id, String name, String phone, Boolean vip, String preferredContact) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Referral(String source, String referenceNo, OffsetDateTime dueBy) {
    }

    public boolean vip() {
        return customer != null && Boolean.TRUE.equals(customer.vip());
    }

    public String referralSource() {
        return referral == null ? null : referral.source();
    }

    /** Subject and description, the text that rules and classification read. */
    public String text() {
        return (subject == null ? "" : subject) + "\n" + (description == null ? "" : description);
    }
}
