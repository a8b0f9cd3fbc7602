package io.tousu.followup.reply;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A reply sent to the customer, as the agent wrote it. */
@Entity
@Table(name = "customer_reply")
public class CustomerReply extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "complaint_id", nullable = false)
    public UUID complaintId;

    @Column(name = "agent_id", nullable = false)
    public String agentId;

    @Column(nullable = false)
    public String channel;

    @Column(nullable = false)
    public String message;

    /** Forbidden phrases the agent was warned of and sent anyway. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> warnings;

    @Column(name = "replied_at", nullable = false)
    public Instant repliedAt;
}
