package io.tousu.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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

    /**
     * Records a batch of events for this consumer in one statement.
     *
     * @return the ids not processed before, each once, for the batch consumer to handle
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> firstDeliveries(String consumer, Collection<String> eventIds) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(eventIds));
        if (ids.isEmpty()) {
            return Set.of();
        }
        StringBuilder sql = new StringBuilder("INSERT INTO processed_event (consumer, event_id) VALUES ");
        for (int i = 0; i < ids.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?1, ?").append(i + 2).append(')');
        }
        sql.append(" ON CONFLICT DO NOTHING RETURNING event_id");
        Query insert = em.createNativeQuery(sql.toString(), String.class).setParameter(1, consumer);
        for (int i = 0; i < ids.size(); i++) {
            insert.setParameter(i + 2, ids.get(i));
        }
        @SuppressWarnings("unchecked")
        List<String> fresh = insert.getResultList();
        return new HashSet<>(fresh);
    }
}
