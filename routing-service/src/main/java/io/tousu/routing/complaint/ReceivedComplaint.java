package io.tousu.routing.complaint;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.OffsetDateTime;
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
        String area,
        String category,
        String subject,
        String description,
        boolean resolvedOnFirstContact) {

    public static final String TYPE = "ComplaintReceived";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Customer(String id, String name, String phone, Boolean vip, String preferredContact) {
    }
}
