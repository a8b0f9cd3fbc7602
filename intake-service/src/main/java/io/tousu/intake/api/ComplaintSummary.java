package io.tousu.intake.api;

import io.tousu.intake.complaint.Complaint;
import io.tousu.intake.complaint.ComplaintStatus;
import io.tousu.intake.submission.Channel;
import io.tousu.intake.submission.ComplaintType;
import io.tousu.platform.time.ServiceZone;

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
