package io.tousu.intake.complaint;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.tousu.intake.submission.Channel;
import io.tousu.intake.submission.ComplaintType;
import io.tousu.platform.jdbc.BatchInsert;
import io.tousu.platform.jdbc.BatchStatement;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An accepted complaint. The submission is kept whole (JSON) as the channel sent it; the
 * columns beside it are what intake looks up and what changes.
 */
@Entity
@Table(name = "complaint")
public class Complaint extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Column(name = "channel_ref", nullable = false)
    public String channelRef;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ComplaintType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ComplaintStatus status;

    @Column(name = "status_changed_at")
    public Instant statusChangedAt;

    @Column(name = "customer_phone")
    public String customerPhone;

    public String category;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "promised_reply_by", nullable = false)
    public Instant promisedReplyBy;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String submission;

    /** New complaints for one batch insert; {@link #addTo} gives each one's values in this order. */
    public static BatchInsert newRows() {
        return new BatchInsert("complaint", "id", "number", "channel", "channel_ref", "idempotency_key", "type", "status",
                "status_changed_at", "customer_phone", "category", "received_at", "promised_reply_by", "submission");
    }

    public void addTo(BatchInsert rows) {
        rows.row(id, number, channel, channelRef, idempotencyKey, type, status, statusChangedAt, customerPhone, category,
                receivedAt, promisedReplyBy, new BatchStatement.Json(submission));
    }

    public static Optional<Complaint> byChannelRef(Channel channel, String channelRef) {
        return find("channel = ?1 and channelRef = ?2", channel, channelRef).firstResultOptional();
    }

    public static Optional<Complaint> byNumber(String number) {
        return find("number", number).firstResultOptional();
    }

    /** The customer's complaints, newest first. */
    public static List<Complaint> byCustomerPhone(String phone, int max) {
        return find("customerPhone = ?1 order by receivedAt desc", phone).page(0, max).list();
    }

    public static Optional<Complaint> byIdempotencyKey(String key) {
        return find("idempotencyKey", key).firstResultOptional();
    }
}
