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

import java.util.Optional;
import java.util.UUID;

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

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(IncomingEvent event) {
        JsonNode data = read(event);
        Optional<TimelineRules.Step> step = TimelineRules.step(event.typeName(), data);
        if (step.isEmpty()) {
            return;
        }
        // Locked: routing's and followup's batches run at once, and the later event's status must
        // see the earlier commit's, not overwrite it. A direct call, not a method reference:
        // Panache enhances only calls made on the entity class.
        Optional<Complaint> complaint = complaintId(event, data)
                .flatMap(id -> Complaint.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE));
        if (complaint.isEmpty()) {
            return; // not one of ours (another intake deployment's, or a test's)
        }
        Complaint c = complaint.get();
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
