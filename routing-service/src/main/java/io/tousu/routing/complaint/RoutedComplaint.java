package io.tousu.routing.complaint;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.tousu.platform.jdbc.BatchInsert;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A complaint as routing saw it: the category it was given or classified into, the customer
 * identities repeat detection compares, and the whole original event for re-dispatches.
 */
@Entity
@Table(name = "routed_complaint")
public class RoutedComplaint extends PanacheEntityBase {
    @Id
    @Column(name = "complaint_id")
    public UUID complaintId;

    @Column(nullable = false)
    public String number;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    public String category;

    /** GIVEN by the channel, CLASSIFIED from the text, or NONE (left to the default department). */
    @Column(name = "category_source", nullable = false)
    public String categorySource;

    public String family;

    public String area;

    @Column(name = "customer_id")
    public String customerId;

    public String phone;

    @Column(name = "service_number")
    public String serviceNumber;

    @Column(name = "repeat_of")
    public UUID repeatOf;

    @Column(name = "incident_id")
    public UUID incidentId;

    @Column(name = "reopen_count", nullable = false)
    public int reopenCount;

    /** The {@code ComplaintReceived} event data as intake published it. */
    @Column(nullable = false)
    public String payload;

    /** New rows for one bulk insert; {@link #addTo} gives each row's values in this order. */
    public static BatchInsert newRows() {
        return new BatchInsert("routed_complaint", "complaint_id", "number", "received_at", "category", "category_source",
                "family", "area", "customer_id", "phone", "service_number", "repeat_of", "incident_id", "reopen_count",
                "payload");
    }

    public void addTo(BatchInsert rows) {
        rows.row(complaintId, number, receivedAt, category, categorySource, family, area, customerId, phone,
                serviceNumber, repeatOf, incidentId, reopenCount, payload);
    }

    public static List<RoutedComplaint> ofIncident(UUID incidentId) {
        return list("incidentId = ?1 order by receivedAt", incidentId);
    }
}
