package io.tousu.routing.complaint;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.tousu.platform.jdbc.BatchInsert;
import io.tousu.routing.classification.CandidatesColumn;
import io.tousu.routing.classification.ComplaintClassifier;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
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
    private static final CandidatesColumn CANDIDATES = new CandidatesColumn();

    @Id
    @Column(name = "complaint_id")
    public UUID complaintId;

    @Column(nullable = false)
    public String number;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    public String category;

    /** GIVEN by the channel, CLASSIFIED from the text, UNSURE or NONE (left to the default department to triage). */
    @Column(name = "category_source", nullable = false)
    public String categorySource;

    /** The classifier's confidence in the category (or, when UNSURE, in its best guess); null when given. */
    @Column(name = "category_confidence")
    public Double categoryConfidence;

    /** The classifier's best candidates and their probabilities, for triage and for the department. */
    @Convert(converter = CandidatesColumn.class)
    @Column(name = "category_candidates")
    public List<ComplaintClassifier.Candidate> categoryCandidates;

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

    /** Why it keeps its own work order when it joins an incident (REFERRAL, VIP, REPEAT, a demand), or null. */
    @Column(name = "answers_alone")
    public String answersAlone;

    @Column(name = "reopen_count", nullable = false)
    public int reopenCount;

    /** The {@code ComplaintReceived} event data as intake published it. */
    @Column(nullable = false)
    public String payload;

    /** New rows for one bulk insert; {@link #addTo} gives each row's values in this order. */
    public static BatchInsert newRows() {
        return new BatchInsert("routed_complaint", "complaint_id", "number", "received_at", "category", "category_source",
                "category_confidence", "category_candidates", "family", "area", "customer_id", "phone", "service_number",
                "repeat_of", "incident_id", "answers_alone", "reopen_count", "payload");
    }

    public void addTo(BatchInsert rows) {
        rows.row(complaintId, number, receivedAt, category, categorySource, categoryConfidence,
                CANDIDATES.convertToDatabaseColumn(categoryCandidates), family, area, customerId, phone,
                serviceNumber, repeatOf, incidentId, answersAlone, reopenCount, payload);
    }

    public static List<RoutedComplaint> ofIncident(UUID incidentId) {
        return list("incidentId = ?1 order by receivedAt", incidentId);
    }
}
