package io.tousu.intake.timeline;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One step in a complaint's history, as a channel system shows it to the customer. */
@Entity
@Table(name = "timeline_entry")
public class TimelineEntry extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "complaint_id", nullable = false)
    public UUID complaintId;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String type;

    @Column(name = "actor")
    public String by;

    public String detail;

    public static TimelineEntry of(UUID complaintId, Instant at, String type, String by, String detail) {
        TimelineEntry e = new TimelineEntry();
        e.complaintId = complaintId;
        e.at = at;
        e.type = type;
        e.by = by;
        e.detail = detail;
        return e;
    }

    public static List<TimelineEntry> of(UUID complaintId) {
        return list("complaintId = ?1 order by at, id", complaintId);
    }
}
