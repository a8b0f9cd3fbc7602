package io.tousu.routing.repeat;

import io.tousu.routing.complaint.RoutedComplaint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Repeat complaints (重复投诉): the same customer — by phone, customer id or service number —
 * about the same category within the window. The complaint routed second is the repeat of the
 * latest one routed before it; callers hold {@link RoutingLocks} on the customer, so two
 * replicas never both miss each other.
 */
@ApplicationScoped
public class RepeatComplaints {
    private final EntityManager em;
    private final Duration window;

    public RepeatComplaints(EntityManager em, @ConfigProperty(name = "tousu.routing.repeat.window") Duration window) {
        this.em = em;
        this.window = window;
    }

    public Optional<UUID> earlierOf(RoutedComplaint c) {
        if (c.category == null || (c.phone == null && c.customerId == null && c.serviceNumber == null)) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<UUID> found = em.createNativeQuery("""
                        SELECT complaint_id FROM routed_complaint
                        WHERE category = ?1 AND complaint_id <> ?2 AND received_at BETWEEN ?3 AND ?4
                          AND (phone = ?5 OR customer_id = ?6 OR service_number = ?7)
                        ORDER BY received_at DESC LIMIT 1""", UUID.class)
                .setParameter(1, c.category).setParameter(2, c.complaintId)
                .setParameter(3, Timestamp.from(c.receivedAt.minus(window)))
                .setParameter(4, Timestamp.from(c.receivedAt.plus(window)))
                .setParameter(5, c.phone).setParameter(6, c.customerId).setParameter(7, c.serviceNumber)
                .getResultList();
        return found.stream().findFirst();
    }
}
