package io.tousu.followup.complaint;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.tousu.followup.sla.ClockPlan;
import io.tousu.followup.sla.Milestone;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
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

    /** True once its receipt was read: the facts below are known. */
    @Column(nullable = false)
    public boolean received;

    @Column(name = "received_at")
    public Instant receivedAt;

    public String type;

    public String channel;

    @Column(name = "customer_name")
    public String customerName;

    /** For the notices the delivery systems send; never logged. */
    public String phone;

    public String email;

    @Column(name = "preferred_contact")
    public String preferredContact;

    /** The agent who took it and owns it (首问负责制): told when a promise is about to be missed. */
    @Column(name = "owner_agent")
    public String ownerAgent;

    @Column(name = "referral_source")
    public String referralSource;

    @Column(name = "referral_no")
    public String referralNo;

    @Column(name = "referral_due_by")
    public Instant referralDueBy;

    @Column(name = "promised_reply_by")
    public Instant promisedReplyBy;

    @Column(name = "signed_for_at")
    public Instant signedForAt;

    /** The department of the latest dispatch. */
    public String department;

    @Column(name = "callback_due_at")
    public Instant callbackDueAt;

    /** {@code PENDING} when sampled for the supervisory L3 callback after closing, {@code DONE} once made. */
    public String supervisory;

    public ClockPlan.Facts facts() {
        return new ClockPlan.Facts(received, type, referralSource, referralDueBy, promisedReplyBy);
    }

    /** The milestones already seen and when, for clocks opened after them. */
    public Map<Milestone, Instant> reached() {
        Map<Milestone, Instant> reached = new EnumMap<>(Milestone.class);
        put(reached, Milestone.SIGN_FOR, signedForAt);
        put(reached, Milestone.RESULT, resultAt);
        put(reached, Milestone.REPLY, repliedAt);
        put(reached, Milestone.CLOSE, closedAt);
        return reached;
    }

    private static void put(Map<Milestone, Instant> map, Milestone m, Instant at) {
        if (at != null) {
            map.put(m, at);
        }
    }
}
