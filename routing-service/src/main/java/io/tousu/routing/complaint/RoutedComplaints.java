package io.tousu.routing.complaint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Optional;
import java.util.UUID;

/** Complaints routing has seen, read back with their original event for re-dispatches. */
@ApplicationScoped
public class RoutedComplaints {
    private final ObjectMapper mapper;

    public RoutedComplaints(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A complaint and the event it arrived with. */
    public record Routed(RoutedComplaint row, ReceivedComplaint event) {
    }

    /**
     * The complaint, locked for update (re-dispatches of one complaint happen one at a time), or
     * empty if routing never saw it.
     */
    public Optional<Routed> lock(UUID complaintId) {
        return RoutedComplaint.<RoutedComplaint>findByIdOptional(complaintId, LockModeType.PESSIMISTIC_WRITE)
                .map(row -> new Routed(row, read(row.payload)));
    }

    private ReceivedComplaint read(String payload) {
        try {
            return mapper.readValue(payload, ReceivedComplaint.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored complaint event is unreadable", e);
        }
    }
}
