package io.tousu.routing.incident;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** Many complaints of one category family in one area, handled as one (e.g. an outage). */
@Entity
@Table(name = "incident")
public class Incident extends PanacheEntityBase {
    public static final String OPEN = "OPEN";
    public static final String RESOLVED = "RESOLVED";

    @Id
    public UUID id;

    @Column(nullable = false)
    public String family;

    @Column(nullable = false)
    public String area;

    @Column(nullable = false)
    public String status;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;
}
