package io.tousu.routing.repeat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tousu.routing.complaint.JsonRecordset;
import io.tousu.routing.complaint.RoutedComplaint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final ObjectMapper mapper;

    public RepeatComplaints(@ConfigProperty(name = "tousu.routing.repeat.window") Duration window,
                            EntityManager em, ObjectMapper mapper) {
        this.window = window;
        this.em = em;
        this.mapper = mapper;
    }

    /**
     * A finder that knows the earlier complaints of these customers: one query for exactly the
     * batch's (identity, category) pairs, each within the window around its complaint, so that
     * each pair is a short range on the index of its identity.
     */
    @SuppressWarnings("unchecked")
    public Finder finderFor(List<RoutedComplaint> batch) {
        List<Key> keys = new ArrayList<>();
        for (RoutedComplaint c : batch) {
            if (!Finder.identified(c)) {
                continue;
            }
            Instant since = c.receivedAt.minus(window);
            Instant until = c.receivedAt.plus(window);
            key(keys, "phone", c.phone, c, since, until);
            key(keys, "customer", c.customerId, c, since, until);
            key(keys, "service", c.serviceNumber, c, since, until);
        }
        if (keys.isEmpty()) {
            return new Finder(window, List.of());
        }
        List<RoutedComplaint> known = em.createNativeQuery("""
                        WITH k AS (SELECT * FROM jsonb_to_recordset(CAST(?1 AS jsonb))
                                   AS k(kind text, value text, category text, since timestamptz, until timestamptz))
                        SELECT rc.* FROM k JOIN routed_complaint rc ON k.kind = 'phone' AND rc.phone = k.value
                            AND rc.category = k.category AND rc.received_at BETWEEN k.since AND k.until
                        UNION ALL
                        SELECT rc.* FROM k JOIN routed_complaint rc ON k.kind = 'customer' AND rc.customer_id = k.value
                            AND rc.category = k.category AND rc.received_at BETWEEN k.since AND k.until
                        UNION ALL
                        SELECT rc.* FROM k JOIN routed_complaint rc ON k.kind = 'service' AND rc.service_number = k.value
                            AND rc.category = k.category AND rc.received_at BETWEEN k.since AND k.until""",
                        RoutedComplaint.class)
                .setParameter(1, JsonRecordset.of(mapper, keys))
                .getResultList();
        return new Finder(window, known);
    }

    /** One identity of one complaint of the batch, with its category and window: a row of the query's recordset. */
    record Key(String kind, String value, String category, Instant since, Instant until) {
    }

    private static void key(List<Key> keys, String kind, String value, RoutedComplaint c, Instant since, Instant until) {
        if (value != null) {
            keys.add(new Key(kind, value, c.category, since, until));
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
