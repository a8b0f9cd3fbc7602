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

    /** 1 until the customer is first unsatisfied; each reopening starts the next round. */
    @Column(nullable = false)
    public int round = 1;

    /** The escalation level of the latest dispatch, 1 (front line) to 4 (leadership). */
    @Column(name = "escalation_level", nullable = false)
    public int escalationLevel = 1;

    /** Callbacks of this round that did not reach the customer. */
    @Column(name = "unreached_calls", nullable = false)
    public int unreachedCalls;

    @Column(name = "closed_reason")
    public String closedReason;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
