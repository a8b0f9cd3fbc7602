package io.tousu.intake.events;

import io.tousu.platform.problem.FieldError;

import java.time.Instant;
import java.util.List;

/**
 * {@code ComplaintRejected.v1} on {@code complaints.rejected}: a streamed submission that was not
 * accepted, with every error, so that the channel system can correct and resend it.
 */
public record ComplaintRejected(
        String channel,
        String channelRef,
        List<FieldError> errors,
        String submission,
        String sourceTopic,
        int sourcePartition,
        long sourceOffset,
        Instant rejectedAt) {

    public static final String TYPE = "ComplaintRejected.v1";
    public static final String TOPIC = "complaints.rejected";
}
