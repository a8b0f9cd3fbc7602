package io.tousu.routing.repeat;

import io.tousu.routing.complaint.RoutedComplaint;
import io.tousu.routing.config.RoutingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Repeat complaints (重复投诉): the same customer — by phone, customer id or service number —
 * about the same category within the window. The complaint routed second is the repeat of the
 * latest one routed before it. One query per batch loads the earlier complaints of the batch's
 * customers; callers hold {@code RoutingLocks} on those customers, so two replicas never both
 * miss each other.
 */
@ApplicationScoped
public class RepeatComplaints {
    private final Duration window;
    private final EntityManager em;

    public RepeatComplaints(RoutingConfig config, EntityManager em) {
        this.window = config.repeat().window();
        this.em = em;
    }

    /**
     * A finder that knows the earlier complaints of these customers: one query for every
     * complaint within the window of the batch that carries one of the batch's phones, customer
     * ids or service numbers, whatever its category; the finder compares categories and each
     * complaint's own window. Three array lookups, one per identity index, cost the database a
     * fraction of a join that probes each (identity, category) pair on its own.
     */
    @SuppressWarnings("unchecked")
    public Finder finderFor(List<RoutedComplaint> batch) {
        Set<String> phones = new HashSet<>();
        Set<String> customers = new HashSet<>();
        Set<String> services = new HashSet<>();
        Instant first = null;
        Instant last = null;
        for (RoutedComplaint c : batch) {
            if (!Finder.identified(c)) {
                continue;
            }
            addIfPresent(phones, c.phone);
            addIfPresent(customers, c.customerId);
            addIfPresent(services, c.serviceNumber);
            first = first == null || c.receivedAt.isBefore(first) ? c.receivedAt : first;
            last = last == null || c.receivedAt.isAfter(last) ? c.receivedAt : last;
        }
        if (first == null) {
            return new Finder(window, List.of());
        }
        List<RoutedComplaint> known = em.createNativeQuery("""
                        SELECT * FROM routed_complaint
                        WHERE received_at BETWEEN ?4 AND ?5
                          AND (phone = ANY(?1) OR customer_id = ANY(?2) OR service_number = ANY(?3))""",
                        RoutedComplaint.class)
                .setParameter(1, phones.toArray(String[]::new))
                .setParameter(2, customers.toArray(String[]::new))
                .setParameter(3, services.toArray(String[]::new))
                .setParameter(4, first.minus(window))
                .setParameter(5, last.plus(window))
                .getResultList();
        return new Finder(window, known);
    }

    private static void addIfPresent(Set<String> values, String value) {
        if (value != null) {
            values.add(value);
        }
    }

    /** The customer identities of a complaint, as repeat detection and its locks name them. */
    public static List<String> identities(RoutedComplaint c) {
        List<String> ids = new ArrayList<>(3);
        if (c.phone != null) {
            ids.add("phone:" + c.phone);
        }
        if (c.customerId != null) {
            ids.add("customer:" + c.customerId);
        }
        if (c.serviceNumber != null) {
            ids.add("service:" + c.serviceNumber);
        }
        return ids;
    }

    /** Matches complaints against those seen before, in routing order. Plain logic. */
    public static final class Finder {
        private final Duration window;
        /** Complaints seen, by each identity they carry ("phone:…", "customer:…", "service:…"). */
        private final Map<String, List<RoutedComplaint>> byIdentity = new HashMap<>();

        public Finder(Duration window, List<RoutedComplaint> known) {
            this.window = window;
            known.forEach(this::remember);
        }

        /** The latest earlier-routed complaint this one repeats; then remembers this one for the next. */
        public Optional<UUID> earlierOf(RoutedComplaint c) {
            Optional<UUID> found = identified(c) ? identities(c).stream()
                    .flatMap(id -> byIdentity.getOrDefault(id, List.of()).stream())
                    .filter(e -> !e.complaintId.equals(c.complaintId) && c.category.equals(e.category)
                            && Duration.between(e.receivedAt, c.receivedAt).abs().compareTo(window) <= 0)
                    .max(Comparator.comparing(e -> e.receivedAt)).map(e -> e.complaintId) : Optional.empty();
            remember(c);
            return found;
        }

        private void remember(RoutedComplaint c) {
            identities(c).forEach(id -> byIdentity.computeIfAbsent(id, k -> new ArrayList<>()).add(c));
        }

        static boolean identified(RoutedComplaint c) {
            return c.category != null && (c.phone != null || c.customerId != null || c.serviceNumber != null);
        }
    }
}
