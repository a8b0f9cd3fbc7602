package io.tousu.followup.complaint;

import io.tousu.followup.sla.SlaPack;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.query.NativeQuery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Agents' work lists, soonest due first: complaints still without a result owe the customer a
 * progress notice 24 hours after receipt (the pack's promise); those with a result owe a reply by
 * the reply clock; replied ones owe a callback within the pack's {@code callback.within}.
 */
@ApplicationScoped
public class DueWork {
    public enum Kind { PROGRESS_NOTICE, REPLY, CALLBACK }

    public record Due(UUID complaintId, String number, int round, Instant dueAt) {
    }

    private final EntityManager em;
    private final Duration progressNoticeAfter;
    private final Duration callbackWithin;

    public DueWork(EntityManager em, SlaPack pack) {
        this.em = em;
        this.progressNoticeAfter = Duration.ofHours(pack.promise().hours());
        this.callbackWithin = pack.callback().within();
    }

    public List<Due> due(Kind kind, int page, int size) {
        String sql = switch (kind) {
            case PROGRESS_NOTICE -> """
                    SELECT f.complaint_id, f.number, f.round, c.started_at + CAST(?1 AS interval) AS due
                    FROM followed_complaint f JOIN sla_clock c ON c.complaint_id = f.complaint_id AND c.kind = 'REPLY'
                    WHERE f.state = 'DISPATCHED' ORDER BY due, f.complaint_id LIMIT ?2 OFFSET ?3""";
            case REPLY -> """
                    SELECT f.complaint_id, f.number, f.round, c.due_at + CAST(?1 AS interval) AS due
                    FROM followed_complaint f JOIN sla_clock c ON c.complaint_id = f.complaint_id AND c.kind = 'REPLY'
                    WHERE f.state = 'RESULT_IN' ORDER BY due, f.complaint_id LIMIT ?2 OFFSET ?3""";
            case CALLBACK -> """
                    SELECT f.complaint_id, f.number, f.round, f.replied_at + CAST(?1 AS interval) AS due
                    FROM followed_complaint f WHERE f.state = 'REPLIED' ORDER BY due, f.complaint_id LIMIT ?2 OFFSET ?3""";
        };
        Duration shift = switch (kind) {
            case PROGRESS_NOTICE -> progressNoticeAfter;
            case REPLY -> Duration.ZERO;
            case CALLBACK -> callbackWithin;
        };
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql)
                .setParameter(1, shift.toSeconds() + " seconds")
                .setParameter(2, size).setParameter(3, page * size)
                .unwrap(NativeQuery.class)
                .addScalar("complaint_id", UUID.class).addScalar("number", String.class)
                .addScalar("round", Integer.class).addScalar("due", Instant.class)
                .getResultList();
        return rows.stream().map(r -> new Due((UUID) r[0], (String) r[1], (Integer) r[2], (Instant) r[3])).toList();
    }
}
