package io.tousu.followup.complaint;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.query.NativeQuery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Agents' work lists, soonest due first: progress notices the customer is owed (a running
 * progress-notice clock), replies owed once the department's result is in (by the earliest clock
 * a reply stops), callbacks due after a reply or an unreached call, and the supervisory L3
 * callbacks of sampled closed complaints.
 */
@ApplicationScoped
public class DueWork {
    public enum Kind { PROGRESS_NOTICE, REPLY, CALLBACK, SUPERVISORY_CALLBACK }

    public record Due(UUID complaintId, String number, int round, Instant dueAt) {
    }

    private final EntityManager em;

    public DueWork(EntityManager em) {
        this.em = em;
    }

    public List<Due> due(Kind kind, int page, int size) {
        String sql = switch (kind) {
            case PROGRESS_NOTICE -> """
                    SELECT f.complaint_id, f.number, f.round, c.due_at AS due
                    FROM sla_clock c JOIN followed_complaint f ON f.complaint_id = c.complaint_id
                    WHERE c.on_due = 'NOTIFY_PROGRESS' AND c.met_at IS NULL AND c.fired_at IS NULL""";
            case REPLY -> """
                    SELECT f.complaint_id, f.number, f.round, COALESCE(c.due, f.result_at) AS due
                    FROM followed_complaint f LEFT JOIN LATERAL (
                        SELECT min(due_at) AS due FROM sla_clock s WHERE s.complaint_id = f.complaint_id
                        AND s.met_at IS NULL AND position('REPLY' IN s.stop_on) > 0) c ON TRUE
                    WHERE f.state = 'RESULT_IN'""";
            case CALLBACK -> """
                    SELECT f.complaint_id, f.number, f.round, f.callback_due_at AS due
                    FROM followed_complaint f WHERE f.state = 'REPLIED'""";
            case SUPERVISORY_CALLBACK -> """
                    SELECT f.complaint_id, f.number, f.round, f.closed_at AS due
                    FROM followed_complaint f WHERE f.state = 'CLOSED' AND f.supervisory = 'PENDING'""";
        };
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql + " ORDER BY due, complaint_id LIMIT ?1 OFFSET ?2")
                .setParameter(1, size).setParameter(2, page * size)
                .unwrap(NativeQuery.class)
                .addScalar("complaint_id", UUID.class).addScalar("number", String.class)
                .addScalar("round", Integer.class).addScalar("due", Instant.class)
                .getResultList();
        return rows.stream().map(r -> new Due((UUID) r[0], (String) r[1], (Integer) r[2], (Instant) r[3])).toList();
    }
}
