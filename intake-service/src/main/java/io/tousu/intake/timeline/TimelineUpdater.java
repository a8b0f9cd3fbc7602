package io.tousu.intake.timeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tousu.intake.complaint.Complaint;
import io.tousu.platform.messaging.IncomingEvent;
import io.tousu.platform.messaging.PoisonMessageException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Applies routing's and followup's events to the complaint: a timeline line always, a status
 * change only if no later event already set the status (topics are not ordered against each other).
 */
@ApplicationScoped
public class TimelineUpdater {
    private final ObjectMapper mapper;

    public TimelineUpdater(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Locks, in one statement and in id order, the complaints a batch's events are about: routing's
     * and followup's batches run at once, and the later event's status must see the earlier
     * commit's, not overwrite it. Complaints not found are not ours (another intake deployment's,
     * or a test's) and cost their events nothing more.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<UUID, Complaint> lock(List<IncomingEvent> events) {
        List<UUID> ids = events.stream().map(e -> complaintId(e, read(e))).flatMap(Optional::stream).distinct().sorted()
                .toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        // A direct call on the entity class: Panache enhances only those.
        return Complaint.<Complaint>find("id in ?1 order by id", ids).withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .stream().collect(Collectors.toMap(c -> c.id, Function.identity()));
    }

    /** Applies one event to its complaint, locked by {@link #lock} for the batch. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(IncomingEvent event, Map<UUID, Complaint> locked) {
        JsonNode data = read(event);
        Optional<TimelineRules.Step> step = TimelineRules.step(event.typeName(), data);
        if (step.isEmpty()) {
            return;
        }
        Complaint c = complaintId(event, data).map(locked::get).orElse(null);
        if (c == null) {
            return; // not one of ours (another intake deployment's, or a test's)
        }
        TimelineRules.Step s = step.get();
        TimelineEntry.of(c.id, event.time(), s.type(), s.by(), s.detail()).persist();
        if (s.status() != null && (c.statusChangedAt == null || !event.time().isBefore(c.statusChangedAt))) {
            c.status = s.status();
            c.statusChangedAt = event.time();
        }
    }

    private JsonNode read(IncomingEvent event) {
        try {
            return mapper.readTree(event.data());
        } catch (JsonProcessingException e) {
            throw new PoisonMessageException("event " + event.id() + " has unreadable data", e);
        }
    }

    private static Optional<UUID> complaintId(IncomingEvent event, JsonNode data) {
        String id = data.hasNonNull("complaintId") ? data.get("complaintId").asText() : event.subject();
        try {
            return Optional.ofNullable(id).map(UUID::fromString);
        } catch (IllegalArgumentException e) {
            throw new PoisonMessageException("event " + event.id() + " names no complaint id: " + id);
        }
    }
}
