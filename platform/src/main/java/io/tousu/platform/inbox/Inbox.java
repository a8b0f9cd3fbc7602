package io.tousu.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
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

    /** Records a batch's events in one statement; returns the ids not processed before. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> firstDeliveries(String consumer, Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return new HashSet<>();
        }
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO processed_event (consumer, event_id) SELECT ?, id FROM unnest(?) AS id "
                            + "ON CONFLICT DO NOTHING RETURNING event_id")) {
                Array ids = connection.createArrayOf("varchar", eventIds.toArray());
                insert.setString(1, consumer);
                insert.setArray(2, ids);
                return fresh(insert, eventIds.size());
            }
        });
    }

    private static Set<String> fresh(PreparedStatement insert, int expected) throws SQLException {
        Set<String> fresh = new HashSet<>(expected * 2);
        try (ResultSet rows = insert.executeQuery()) {
            while (rows.next()) {
                fresh.add(rows.getString(1));
            }
        }
        return fresh;
    }
}
