package io.tousu.intake.promise;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The reply time promised to the customer: receipt plus the promise of followup's SLA pack;
 * a regulator's or the media's due date wins when it is earlier.
 */
public record PromiseRule(Duration promise, boolean referralDueByWins) {

    public Instant promisedReplyBy(Instant receivedAt, OffsetDateTime referralDueBy) {
        Instant promised = receivedAt.plus(promise);
        if (referralDueByWins && referralDueBy != null && referralDueBy.toInstant().isBefore(promised)) {
            return referralDueBy.toInstant();
        }
        return promised;
    }
}
