package io.tousu.intake.complaint;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One line of a lookup: enough to tell the customer where the complaint stands. */
public record ComplaintSummary(UUID id, String number, ComplaintStatus status, Channel channel, ComplaintType type,
                               String category, OffsetDateTime receivedAt, OffsetDateTime promisedReplyBy) {

    static ComplaintSummary of(Complaint c, ServiceZone zone) {
        return new ComplaintSummary(c.id, c.number, c.status, c.channel, c.type, c.category, zone.show(c.receivedAt),
                zone.show(c.promisedReplyBy));
    }
}
