package io.tousu.followup.timer;

import io.tousu.platform.jdbc.BatchInsert;
import io.tousu.platform.tx.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.query.NativeQuery;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Durable timers: rows of {@code due_timer}, written with the transaction that set them and
 * claimed by whichever replica polls first ({@code FOR UPDATE SKIP LOCKED}); a claimed row is
 * deleted in the transaction that acts on it, so each timer fires once, and a crash before
 * commit leaves it to the next poll.
 */
@ApplicationScoped
public class Timers {
    private static final String PENDING = Timers.class.getName() + ".pending";

    private final EntityManager em;
    private final DataSource dataSource;
    private final AfterCommit afterCommit;

    public Timers(EntityManager em, DataSource dataSource, AfterCommit afterCommit) {
        this.em = em;
        this.dataSource = dataSource;
        this.afterCommit = afterCommit;
    }

    /** A timer as claimed. */
    public record Due(long id, UUID complaintId, TimerAction action, String subject, Instant dueAt) {
    }

    /** Sets a timer in the current transaction; the transaction's timers are written in one batch before it commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void set(UUID complaintId, TimerAction action, String subject, Instant dueAt) {
        afterCommit.collect(PENDING, () -> new BatchInsert("due_timer", "complaint_id", "action", "subject", "due_at"),
                rows -> rows.writeTo(dataSource), rows -> {
                }).row(complaintId, action, subject, dueAt);
    }

    /**
     * Claims up to {@code limit} timers due by {@code now}, soonest first, locked until the current
     * transaction ends and deleted with it; timers another replica holds are skipped.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Due> claim(Instant now, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        DELETE FROM due_timer WHERE id IN (
                            SELECT id FROM due_timer WHERE due_at <= ?1 ORDER BY due_at LIMIT ?2 FOR UPDATE SKIP LOCKED)
                        RETURNING id, complaint_id, action, subject, due_at""")
                .setParameter(1, now).setParameter(2, limit)
                .unwrap(NativeQuery.class)
                .addScalar("id", Long.class).addScalar("complaint_id", UUID.class).addScalar("action", String.class)
                .addScalar("subject", String.class).addScalar("due_at", Instant.class)
                .getResultList();
        return rows.stream().map(r -> new Due((Long) r[0], (UUID) r[1], TimerAction.valueOf((String) r[2]),
                (String) r[3], (Instant) r[4])).sorted(Comparator.comparing(Due::dueAt)).toList();
    }
}
