package io.tousu.followup.sla;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** One deadline of one complaint. */
@Entity
@Table(name = "sla_clock")
public class SlaClock extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sla_clock_seq")
    @SequenceGenerator(name = "sla_clock_seq", sequenceName = "sla_clock_seq", allocationSize = 500)
    public Long id;

    @Column(name = "complaint_id", nullable = false)
    public UUID complaintId;

    /** The pack's kind (REPLY, CONTACT, ...), or PROMISE / REFERRAL. */
    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Unit unit;

    /** The round of the satisfaction loop it was opened in. */
    @Column(nullable = false)
    public int round;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(name = "warn_at")
    public Instant warnAt;

    /** The milestones that stop it, comma-separated. */
    @Column(name = "stop_on", nullable = false)
    public String stopOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "on_due", nullable = false)
    public OnDue onDue;

    @Column(nullable = false)
    public boolean pausable;

    @Column(name = "met_at")
    public Instant metAt;

    @Column(name = "warned_at")
    public Instant warnedAt;

    /** When the due action ran: the notice sent or the breach recorded. */
    @Column(name = "fired_at")
    public Instant firedAt;

    @Column(name = "paused_since")
    public Instant pausedSince;

    /** Time the clock stood still for the customer, ended pauses only. */
    @Column(name = "paused_seconds", nullable = false)
    public long pausedSeconds;

    /** Times it was moved: extensions approved, promises renewed. */
    @Column(nullable = false)
    public int revision;

    /** The SLA pack whose clock this is. */
    @Column(nullable = false)
    public String pack;

    /** The calendar versions its due time was computed on, {@code MISSING}, or {@code NONE} if it counts no working days. */
    @Column(name = "calendar_version", nullable = false)
    public String calendarVersion;

    public boolean stoppedBy(Milestone milestone) {
        return milestone == Milestone.CLOSE || Arrays.asList(stopOn.split(",")).contains(milestone.name());
    }

    /** Neither stopped nor past its due action. */
    public boolean running() {
        return metAt == null && firedAt == null;
    }

    /**
     * Met if stopped in time (a progress notice: once sent), breached once past due (stopped late,
     * recorded, or still running), pending otherwise and while paused.
     */
    public DeadlineState stateAt(Instant now) {
        if (onDue == OnDue.NOTIFY_PROGRESS) {
            return metAt != null || firedAt != null ? DeadlineState.MET : DeadlineState.PENDING;
        }
        if (metAt != null) {
            return metAt.isAfter(dueAt) ? DeadlineState.BREACHED : DeadlineState.MET;
        }
        if (firedAt != null) {
            return DeadlineState.BREACHED;
        }
        if (pausedSince != null) {
            return DeadlineState.PENDING;
        }
        return now.isAfter(dueAt) ? DeadlineState.BREACHED : DeadlineState.PENDING;
    }

    public static List<SlaClock> of(UUID complaintId) {
        return list("complaintId = ?1 order by dueAt, id", complaintId);
    }
}
