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
import java.util.List;
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
     * Joins the complaint (already stored) to its family's open incident in its area, or opens
     * one when it completes the threshold; empty when it stays on its own.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Membership> join(RoutedComplaint complaint) {
        if (lockName(complaint.family, complaint.area) == null) {
            return Optional.empty();
        }
        Optional<Incident> open = Incident.openFor(complaint.family, complaint.area);
        if (open.isPresent()) {
            link(List.of(complaint), open.get());
            return Optional.of(new Membership(open.get(), false));
        }
        List<RoutedComplaint> recent = RoutedComplaint.list(
                "family = ?1 and area = ?2 and incidentId is null and receivedAt >= ?3 order by receivedAt",
                complaint.family, complaint.area, policy.countsSince(complaint.receivedAt));
        if (!policy.opensWith(recent.size())) {
            return Optional.empty();
        }
        Incident incident = new Incident();
        incident.id = UUID.randomUUID();
        incident.family = complaint.family;
        incident.area = complaint.area;
        incident.status = Incident.OPEN;
        incident.openedAt = clock.instant();
        incident.persist();
        link(recent, incident);
        return Optional.of(new Membership(incident, true));
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
        long linked = RoutedComplaint.count("incidentId", incident.id) + complaints.size();
        for (RoutedComplaint c : complaints) {
            c.incidentId = incident.id;
            outbox.add(RoutingEvents.TOPIC, c.complaintId.toString(), RoutingEvents.IncidentLinked.TYPE,
                    new RoutingEvents.IncidentLinked(c.complaintId, incident.id, incident.family, incident.area,
                            (int) linked, now));
        }
    }
}
