package io.tousu.followup.notification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A task sent on {@code notifications.outbound} and what its delivery system said of it; holds no contact details. */
@Entity
@Table(name = "notification_task")
public class NotificationTask extends PanacheEntityBase {
    public enum Status { SENT, DELIVERED, FAILED, ANSWERED }

    @Id
    public UUID id;

    @Column(name = "complaint_id", nullable = false)
    public UUID complaintId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Purpose purpose;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Notifications.Audience audience;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Notifications.Via channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** 1 for the first contact tried, one more for each other contact after a failed delivery. */
    @Column(nullable = false)
    public int attempt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
