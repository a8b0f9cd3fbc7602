package io.tousu.routing.repeat;

import io.tousu.routing.complaint.RoutedComplaint;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Repeat complaints (重复投诉): the same customer — by phone, customer id or service number —
 * about the same category within the window. The complaint routed second is the repeat of the
 * latest one routed before it. One query per batch loads the earlier complaints of the batch's
 * customers; callers hold {@code RoutingLocks} on those customers, so two replicas never both
 * miss each other.
 */
@ApplicationScoped
public class RepeatComplaints {
    /** Never a phone, id or service number: keeps an IN list valid when a batch has none of a kind. */
    private static final String NONE = "";
    private final Duration window;

    public RepeatComplaints(@ConfigProperty(name = "tousu.routing.repeat.window") Duration window) {
        this.window = window;
    }

    /** A finder that knows the earlier complaints of these customers. */
    public Finder finderFor(List<RoutedComplaint> batch) {
        List<RoutedComplaint> identified = batch.stream().filter(Finder::identified).toList();
        if (identified.isEmpty()) {
            return new Finder(window, List.of());
        }
        Instant from = identified.stream().map(c -> c.receivedAt).min(Comparator.naturalOrder()).orElseThrow();
        Instant to = identified.stream().map(c -> c.receivedAt).max(Comparator.naturalOrder()).orElseThrow();
        List<RoutedComplaint> known = RoutedComplaint.list("category in ?1 and receivedAt between ?2 and ?3 "
                        + "and (phone in ?4 or customerId in ?5 or serviceNumber in ?6)",
                values(identified.stream().map(c -> c.category)), from.minus(window), to.plus(window),
                values(identified.stream().map(c -> c.phone)), values(identified.stream().map(c -> c.customerId)),
                values(identified.stream().map(c -> c.serviceNumber)));
        return new Finder(window, known);
    }

    private static List<String> values(Stream<String> values) {
        List<String> list = values.filter(Objects::nonNull).distinct().toList();
        return list.isEmpty() ? List.of(NONE) : list;
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
