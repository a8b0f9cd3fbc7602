package io.tousu.followup.notification;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code NotificationReceipt} on {@code notifications.receipts}, from the SMS and IVR systems: a
 * task was {@code DELIVERED} or {@code FAILED}, or the customer {@code ANSWERED} a survey
 * ({@code answer}: 1 满意, 2 基本满意, 3 不满意, or those words).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Receipt(UUID taskId, UUID complaintId, String status, String answer, String reason, Instant at) {
    public static final String TYPE = "NotificationReceipt";
}
