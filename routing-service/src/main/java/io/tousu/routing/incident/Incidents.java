package io.tousu.routing.incident;

import io.tousu.platform.outbox.Outbox;
import io.tousu.routing.complaint.RoutedComplaint;
import io.tousu.routing.events.RoutingEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
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
 * Incident detection: complaints of one category family in one area within the window open an
 * incident once there are enough of them, and later ones join it while it is open. Callers hold
 * {@code RoutingLocks} on the family and area, so replicas count the same complaints.
 */
@ApplicationScoped
public class Incidents {
    private final IncidentPolicy policy;
    private final Outbox outbox;
    private final Clock clock;

    public Incidents(@ConfigProperty(name = "tousu.routing.incident.threshold") int threshold,
                     @ConfigProperty(name = "tousu.routing.incident.window") Duration window,
                     Outbox outbox, Clock clock) {
        this.policy = new IncidentPolicy(threshold, window);
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The lock name a complaint's incident detection needs, or null when it cannot be part of one. */
    public static String lockName(String family, String area) {
        return family == null || area == null ? null : "incident:" + family + "|" + area;
    }

    /** The incident a complaint belongs to; {@code opened} when this complaint opened it and its work order is due. */
    public record Membership(Incident incident, boolean opened) {
    }

    /**
     * What incident detection needs for a batch, loaded in two queries: the open incidents and the
     * not-yet-linked recent complaints of the batch's families and areas.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Tally tallyFor(List<RoutedComplaint> batch) {
        List<RoutedComplaint> placed = batch.stream().filter(c -> lockName(c.family, c.area) != null).toList();
        Tally tally = new Tally();
        if (placed.isEmpty()) {
            return tally;
        }
        List<String> families = placed.stream().map(c -> c.family).distinct().toList();
        List<String> areas = placed.stream().map(c -> c.area).distinct().toList();
        Instant since = placed.stream().map(c -> policy.countsSince(c.receivedAt)).min(Comparator.naturalOrder())
                .orElseThrow();
        Incident.<Incident>list("status = ?1 and family in ?2 and area in ?3", Incident.OPEN, families, areas)
                .forEach(i -> tally.open.put(lockName(i.family, i.area), i));
        RoutedComplaint.<RoutedComplaint>list("incidentId is null and family in ?1 and area in ?2 and receivedAt >= ?3",
                        families, areas, since)
                .forEach(c -> tally.recent.computeIfAbsent(lockName(c.family, c.area), k -> new ArrayList<>()).add(c));
        return tally;
    }

    /** Incident detection over one batch, in routing order; callers hold the families' and areas' locks. */
    public final class Tally {
        private final Map<String, Incident> open = new HashMap<>();
        private final Map<String, List<RoutedComplaint>> recent = new HashMap<>();

        private Tally() {
        }

        /**
         * Joins the complaint to its family's open incident in its area, or opens one when it
         * completes the threshold; empty when it stays on its own.
         */
        public Optional<Membership> join(RoutedComplaint complaint) {
            String key = lockName(complaint.family, complaint.area);
            if (key == null) {
                return Optional.empty();
            }
            Incident incident = open.get(key);
            if (incident != null) {
                link(List.of(complaint), incident);
                return Optional.of(new Membership(incident, false));
            }
            Instant since = policy.countsSince(complaint.receivedAt);
            List<RoutedComplaint> window = recent.computeIfAbsent(key, k -> new ArrayList<>());
            window.add(complaint);
            List<RoutedComplaint> counted = window.stream().filter(c -> !c.receivedAt.isBefore(since)).toList();
            if (!policy.opensWith(counted.size())) {
                return Optional.empty();
            }
            incident = new Incident();
            incident.id = UUID.randomUUID();
            incident.family = complaint.family;
            incident.area = complaint.area;
            incident.status = Incident.OPEN;
            incident.openedAt = clock.instant();
            incident.persist();
            open.put(key, incident);
            recent.remove(key);
            link(counted, incident);
            return Optional.of(new Membership(incident, true));
        }
    }

    /** Closes the incident; its linked complaints are returned for the result to fan out to. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<RoutedComplaint> resolve(UUID incidentId) {
        Incident incident = Incident.findById(incidentId);
        if (incident != null && Incident.OPEN.equals(incident.status)) {
            incident.status = Incident.RESOLVED;
            incident.resolvedAt = clock.instant();
        }
        return RoutedComplaint.ofIncident(incidentId);
    }

    private void link(List<RoutedComplaint> complaints, Incident incident) {
        Instant now = clock.instant();
        for (RoutedComplaint c : complaints) {
            c.incidentId = incident.id;
            outbox.add(RoutingEvents.TOPIC, c.complaintId.toString(), RoutingEvents.IncidentLinked.TYPE,
                    new RoutingEvents.IncidentLinked(c.complaintId, incident.id, incident.family, incident.area, now));
        }
    }
}
