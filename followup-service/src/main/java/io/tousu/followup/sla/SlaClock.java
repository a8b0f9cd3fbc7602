package io.tousu.followup.sla;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One running deadline of one complaint. */
@Entity
@Table(name = "sla_clock")
public class SlaClock extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "complaint_id", nullable = false)
    public UUID complaintId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ClockKind kind;

    @Column(nullable = false)
    public String name;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(name = "met_at")
    public Instant metAt;

    /** The SLA pack whose clock this is. */
    @Column(nullable = false)
    public String pack;

    /** The calendar versions its due time was computed on, or {@code MISSING}. */
    @Column(name = "calendar_version", nullable = false)
    public String calendarVersion;

    /** Met if stopped in time, breached once past due (stopped late or still running), else pending. */
    public DeadlineState stateAt(Instant now) {
        if (metAt != null) {
            return metAt.isAfter(dueAt) ? DeadlineState.BREACHED : DeadlineState.MET;
        }
        return now.isAfter(dueAt) ? DeadlineState.BREACHED : DeadlineState.PENDING;
    }

    public static List<SlaClock> of(UUID complaintId) {
        return list("complaintId = ?1 order by dueAt", complaintId);
    }

    public static boolean running(UUID complaintId, ClockKind kind) {
        return count("complaintId = ?1 and kind = ?2", complaintId, kind) > 0;
    }
}
