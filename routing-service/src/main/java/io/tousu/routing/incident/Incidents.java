package io.tousu.routing.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tousu.platform.outbox.Outbox;
import io.tousu.routing.complaint.ReceivedComplaint;
import io.tousu.routing.complaint.RoutedComplaint;
import io.tousu.routing.events.RoutingEvents;
import io.tousu.routing.taxonomy.Taxonomy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.query.NativeQuery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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
    private final EntityManager em;
    private final ObjectMapper mapper;

    public Incidents(Taxonomy taxonomy, Outbox outbox, Clock clock, EntityManager em, ObjectMapper mapper) {
        this.policy = IncidentPolicy.load(mapper, taxonomy.packName(), taxonomy.pack());
        this.outbox = outbox;
        this.clock = clock;
        this.em = em;
        this.mapper = mapper;
    }

    /** The incident family of a category; null for categories that never make an incident. */
    public String familyOf(String category) {
        return policy.familyOf(category).map(IncidentPolicy.Family::name).orElse(null);
    }

    /** Why a complaint keeps its own work order when it joins an incident, or null (see {@link IncidentPolicy#answersAlone}). */
    public String answersAlone(ReceivedComplaint complaint, boolean repeat) {
        return policy.answersAlone(complaint, repeat).orElse(null);
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
     * not-yet-linked recent complaints of exactly the batch's (family, area) pairs, each since the
     * earliest time one of the batch's complaints counts from. Earlier complaints come as
     * {@link Seen} rows, not entities: a batch may count thousands and link few.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Tally tallyFor(List<RoutedComplaint> batch) {
        Map<String, Pair> pairs = new HashMap<>();
        for (RoutedComplaint c : batch) {
            String key = lockName(c.family, c.area);
            if (key != null) {
                Instant since = family(c.family).countsSince(c.receivedAt);
                pairs.merge(key, new Pair(c.family, c.area, since),
                        (a, b) -> a.since().isBefore(b.since()) ? a : b);
            }
        }
        Tally tally = new Tally();
        if (pairs.isEmpty()) {
            return tally;
        }
        String recordset = recordset(pairs.values());
        openIncidents(recordset).forEach(i -> tally.open.put(lockName(i.family, i.area), i));
        for (Object[] row : recentUnlinked(recordset)) {
            String key = lockName((String) row[1], (String) row[2]);
            tally.recent.computeIfAbsent(key, k -> new ArrayList<>()).add(new Seen((UUID) row[0], (Instant) row[3], (String) row[4], null));
        }
        return tally;
    }

    /** One (family, area) of the batch and the earliest time it counts from: a row of the query's recordset. */
    record Pair(String family, String area, Instant since) {
    }

    /** The pairs as one JSON array, the parameter of {@code jsonb_to_recordset}: one statement for the batch. */
    private String recordset(Collection<Pair> pairs) {
        try {
            return mapper.writeValueAsString(pairs);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("incident keys cannot be written as JSON", e);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Incident> openIncidents(String pairs) {
        return em.createNativeQuery("""
                        SELECT i.* FROM jsonb_to_recordset(CAST(?1 AS jsonb)) AS k(family text, area text)
                        JOIN incident i ON i.family = k.family AND i.area = k.area AND i.status = 'OPEN'""",
                        Incident.class)
                .setParameter(1, pairs)
                .getResultList();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> recentUnlinked(String pairs) {
        return em.createNativeQuery("""
                        SELECT rc.complaint_id, rc.family, rc.area, rc.received_at, rc.answers_alone
                        FROM jsonb_to_recordset(CAST(?1 AS jsonb)) AS k(family text, area text, since timestamptz)
                        JOIN routed_complaint rc ON rc.family = k.family AND rc.area = k.area AND rc.received_at >= k.since
                        WHERE rc.incident_id IS NULL""")
                .setParameter(1, pairs)
                .unwrap(NativeQuery.class)
                .addScalar("complaint_id", UUID.class).addScalar("family", String.class)
                .addScalar("area", String.class).addScalar("received_at", Instant.class)
                .addScalar("answers_alone", String.class)
                .getResultList();
    }

    /** A complaint counted towards an incident: one of this batch, or an earlier one known by id. */
    private record Seen(UUID complaintId, Instant receivedAt, String answersAlone, RoutedComplaint inBatch) {
    }

    /** Incident detection over one batch, in routing order; callers hold the families' and areas' locks. */
    public final class Tally {
        private final Map<String, Incident> open = new HashMap<>();
        private final Map<String, List<Seen>> recent = new HashMap<>();

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
            Seen seen = new Seen(complaint.complaintId, complaint.receivedAt, complaint.answersAlone, complaint);
            Incident incident = open.get(key);
            if (incident != null) {
                link(List.of(seen), incident);
                return Optional.of(new Membership(incident, false));
            }
            IncidentPolicy.Family family = family(complaint.family);
            Instant since = family.countsSince(complaint.receivedAt);
            List<Seen> window = recent.computeIfAbsent(key, k -> new ArrayList<>());
            window.add(seen);
            List<Seen> counted = window.stream().filter(c -> !c.receivedAt().isBefore(since)).toList();
            if (!family.opensWith(counted.size())) {
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

    private IncidentPolicy.Family family(String name) {
        return policy.family(name).orElseThrow(() -> new IllegalStateException("no incident family " + name
                + " in the policy in force"));
    }

    private void link(List<Seen> complaints, Incident incident) {
        Instant now = clock.instant();
        List<UUID> earlier = new ArrayList<>();
        for (Seen c : complaints) {
            if (c.inBatch() != null) {
                c.inBatch().incidentId = incident.id;
            } else {
                earlier.add(c.complaintId());
            }
            outbox.add(RoutingEvents.TOPIC, c.complaintId().toString(), RoutingEvents.IncidentLinked.TYPE,
                    new RoutingEvents.IncidentLinked(c.complaintId(), incident.id, incident.family, incident.area,
                            c.answersAlone(), now));
        }
        if (!earlier.isEmpty()) {
            RoutedComplaint.update("incidentId = ?1 where complaintId in ?2", incident.id, earlier);
        }
    }
}
