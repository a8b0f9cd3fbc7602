package io.tousu.routing.incident;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.hibernate.query.NativeQuery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Incidents as supervisors and the handling department read them: each with its current order and counts. */
@ApplicationScoped
public class IncidentQueries {
    private final EntityManager em;

    public IncidentQueries(EntityManager em) {
        this.em = em;
    }

    /** An incident, the order that handles it now (a returned one is re-routed), and how many complaints joined it. */
    public record Summary(UUID id, String family, String area, String status, Instant openedAt, Instant resolvedAt,
                          long complaints, long answeredAlone, UUID workOrderId, String department,
                          String workOrderStatus) {
    }

    /** A complaint linked to an incident, and why it keeps its own order, if it does. */
    public record Linked(UUID complaintId, String number, Instant receivedAt, String answersAlone) {
    }

    private static final String SUMMARY = """
            SELECT i.id, i.family, i.area, i.status, i.opened_at, i.resolved_at,
                   (SELECT count(*) FROM routed_complaint rc WHERE rc.incident_id = i.id) AS complaints,
                   (SELECT count(*) FROM routed_complaint rc WHERE rc.incident_id = i.id
                        AND rc.answers_alone IS NOT NULL) AS alone,
                   o.id AS order_id, o.department, o.status AS order_status
            FROM incident i
            LEFT JOIN LATERAL (SELECT w.id, w.department, w.status FROM work_order w WHERE w.incident_id = i.id
                               ORDER BY w.created_at DESC LIMIT 1) o ON true
            """;

    /** Newest first; {@code status} and {@code department} narrow it when given. */
    public List<Summary> list(String status, String department, int page, int size) {
        return summaries(em.createNativeQuery(SUMMARY + """
                        WHERE (CAST(?1 AS text) IS NULL OR i.status = ?1) AND (CAST(?2 AS text) IS NULL OR o.department = ?2)
                        ORDER BY i.opened_at DESC, i.id LIMIT ?3 OFFSET ?4""")
                .setParameter(1, status).setParameter(2, department).setParameter(3, size)
                .setParameter(4, page * size));
    }

    public Optional<Summary> find(UUID id) {
        return summaries(em.createNativeQuery(SUMMARY + " WHERE i.id = ?1").setParameter(1, id)).stream().findFirst();
    }

    @SuppressWarnings("unchecked")
    public List<Linked> linked(UUID incidentId) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT complaint_id, number, received_at, answers_alone FROM routed_complaint
                        WHERE incident_id = ?1 ORDER BY received_at, complaint_id""")
                .setParameter(1, incidentId).unwrap(NativeQuery.class)
                .addScalar("complaint_id", UUID.class).addScalar("number", String.class)
                .addScalar("received_at", Instant.class).addScalar("answers_alone", String.class)
                .getResultList();
        return rows.stream().map(r -> new Linked((UUID) r[0], (String) r[1], (Instant) r[2], (String) r[3])).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Summary> summaries(Query query) {
        List<Object[]> rows = query.unwrap(NativeQuery.class)
                .addScalar("id", UUID.class).addScalar("family", String.class).addScalar("area", String.class)
                .addScalar("status", String.class).addScalar("opened_at", Instant.class)
                .addScalar("resolved_at", Instant.class).addScalar("complaints", Long.class)
                .addScalar("alone", Long.class).addScalar("order_id", UUID.class)
                .addScalar("department", String.class).addScalar("order_status", String.class)
                .getResultList();
        return rows.stream().map(r -> new Summary((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                (Instant) r[4], (Instant) r[5], (Long) r[6], (Long) r[7], (UUID) r[8], (String) r[9],
                (String) r[10])).toList();
    }
}
