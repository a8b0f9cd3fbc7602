package io.tousu.followup.adjust;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A new time told to the customer (it replaced the promise clock): who promised it and why. */
@Entity
@Table(name = "customer_promise")
public class CustomerPromise extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "complaint_id", nullable = false)
    public UUID complaintId;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(name = "agent_id", nullable = false)
    public String agentId;

    public String note;

    @Column(name = "promised_at", nullable = false)
    public Instant promisedAt;
}
