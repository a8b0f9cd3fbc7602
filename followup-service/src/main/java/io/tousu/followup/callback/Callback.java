package io.tousu.followup.callback;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One callback of one round: every round's callbacks are kept, not only the last. */
@Entity
@Table(name = "callback")
public class Callback extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "complaint_id", nullable = false)
    public UUID complaintId;

    @Column(nullable = false)
    public int round;

    @Column(nullable = false)
    public String level;

    @Column(nullable = false)
    public boolean reached;

    public String satisfaction;

    public String comment;

    @Column(name = "agent_id", nullable = false)
    public String agentId;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
