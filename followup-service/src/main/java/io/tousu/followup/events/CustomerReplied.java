package io.tousu.followup.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** On {@code complaints.followup}: the customer was answered; intake's timeline shows it as REPLIED. */
public record CustomerReplied(UUID complaintId, String agentId, String channel, Instant repliedAt,
                              List<String> acknowledgedWarnings) {
    public static final String TYPE = "CustomerReplied.v1";
}
