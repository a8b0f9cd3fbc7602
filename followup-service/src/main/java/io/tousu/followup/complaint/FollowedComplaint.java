package io.tousu.followup.complaint;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A complaint followup follows from its first dispatch on. */
@Entity
@Table(name = "followed_complaint")
public class FollowedComplaint extends PanacheEntityBase {
    @Id
    @Column(name = "complaint_id")
    public UUID complaintId;

    @Column(nullable = false)
    public String number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ComplaintState state;

    @Column(name = "result_at")
    public Instant resultAt;

    @Column(name = "replied_at")
    public Instant repliedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
