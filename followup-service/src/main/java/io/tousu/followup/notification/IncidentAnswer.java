package io.tousu.followup.notification;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.UUID;

/** What followup reads of routing's {@code IncidentResolved}: the outage a complaint was part of is answered. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IncidentAnswer(UUID complaintId, UUID incidentId, String outcome, Instant resolvedAt) {
    public static final String TYPE = "IncidentResolved";
}
