package io.tousu.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The idempotent consumer's memory: an event id is recorded in the same transaction as the
 * change it causes, so a redelivered event is recognised and changes nothing.
 */
@ApplicationScoped
public class Inbox {
    private final EntityManager em;

    public Inbox(EntityManager em) {
        this.em = em;
    }

    /** Records the event for this consumer; false when it was processed before. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId) {
        return em.createNativeQuery("INSERT INTO processed_event (consumer, event_id) VALUES (?1, ?2) "
                        + "ON CONFLICT DO NOTHING")
                .setParameter(1, consumer).setParameter(2, eventId)
                .executeUpdate() == 1;
    }
}
