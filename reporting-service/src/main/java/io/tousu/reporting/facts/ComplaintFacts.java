package io.tousu.reporting.facts;

import io.tousu.platform.messaging.PoisonMessageException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;

/**
 * One row per complaint, filled in by whichever event arrives first: topics are not ordered
 * against each other, so a dispatch may be read before the receipt it follows.
 */
@ApplicationScoped
public class ComplaintFacts {
    private final EntityManager em;

    public ComplaintFacts(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void received(ReceivedComplaint c) {
        if (c.complaintId() == null || c.receivedAt() == null || c.channel() == null) {
            throw new PoisonMessageException("ComplaintReceived without complaintId, receivedAt or channel");
        }
        em.createNativeQuery("""
                        INSERT INTO complaint_fact (complaint_id, number, channel, type, category, area, status, received_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                        ON CONFLICT (complaint_id) DO UPDATE SET number = EXCLUDED.number, channel = EXCLUDED.channel,
                            type = EXCLUDED.type, category = COALESCE(complaint_fact.category, EXCLUDED.category),
                            area = EXCLUDED.area, status = COALESCE(complaint_fact.status, EXCLUDED.status),
                            received_at = EXCLUDED.received_at""")
                .setParameter(1, c.complaintId()).setParameter(2, c.number()).setParameter(3, c.channel())
                .setParameter(4, c.type()).setParameter(5, c.category()).setParameter(6, c.area())
                .setParameter(7, c.status()).setParameter(8, Timestamp.from(c.receivedAt().toInstant()))
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void dispatched(DispatchedWorkOrder d) {
        if (d.complaintId() == null || d.dispatchedAt() == null) {
            throw new PoisonMessageException("WorkOrderDispatched without complaintId or dispatchedAt");
        }
        em.createNativeQuery("""
                        INSERT INTO complaint_fact (complaint_id, department, category, dispatched_at)
                        VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT (complaint_id) DO UPDATE SET
                            department = COALESCE(complaint_fact.department, EXCLUDED.department),
                            category = COALESCE(EXCLUDED.category, complaint_fact.category),
                            dispatched_at = LEAST(complaint_fact.dispatched_at, EXCLUDED.dispatched_at)""")
                .setParameter(1, d.complaintId()).setParameter(2, d.department()).setParameter(3, d.category())
                .setParameter(4, Timestamp.from(d.dispatchedAt()))
                .executeUpdate();
    }
}
